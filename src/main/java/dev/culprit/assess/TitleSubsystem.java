package dev.culprit.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of the kernel a commit's title names by its prefix ({@code ext4: ...},
 * {@code net: tipc: ...}, {@code drm/i915/cnl: ...}), and whether a crash's call trace shows it.
 * It stands in for the commit's files when old git listed only the top-level directories a commit
 * changed ({@code fs}), which say nothing of the subsystem.
 *
 * <p>A name is a word of the prefix, lower-cased, with anything but letters, digits, {@code _}
 * and {@code -} removed; top-level directories and other words that name no subsystem of their
 * own ({@code net}, {@code fs}, {@code x86}, {@code revert}, ...) are left out. A name appears in
 * the trace when it is a directory or file name of a frame's path (or one begins with the other,
 * at least three characters long: {@code nfsd4} and {@code fs/nfsd/}, {@code ext4} and
 * {@code ext4_jbd2.c}), or a word of a frame's function ({@code ovl} in {@code ovl_lookup},
 * {@code clone} in {@code __do_sys_clone}, {@code radix-tree} in {@code radix_tree_insert}).
 */
final class TitleSubsystem {
    private static final Set<String> UNNAMED = Set.of(
            "net", "drivers", "fs", "mm", "kernel", "lib", "include", "arch", "x86", "x86_64", "revert", "fix",
            "core", "block", "sound", "security", "crypto", "treewide", "linux", "usb", "media", "ipv4", "ipv6",
            "all", "misc", "uapi", "generic", "common", "dt", "bindings", "init", "scripts", "tools", "staging",
            "gpu", "drm", "input", "hid", "platform", "sched");
    private static final Pattern SEPARATORS = Pattern.compile("[:/,\\s]+");
    private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9_-]");
    private static final int MIN_PREFIX = 3;

    private TitleSubsystem() {}

    /** The subsystem names of a commit title's prefix, in order; empty when it has none. */
    static List<String> names(String title) {
        if (title == null) {
            return List.of();
        }
        int end = title.lastIndexOf(": ");
        if (end <= 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String word : SEPARATORS.split(title.substring(0, end).toLowerCase(Locale.ROOT))) {
            String name = NOT_NAME.matcher(word).replaceAll("");
            if (name.length() >= 2 && !UNNAMED.contains(name) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether any of the names appears in the trace's paths or function names. */
    static boolean appearsIn(List<String> names, CallTrace trace) {
        for (String name : names) {
            String word = "_" + name.replace('-', '_') + "_";
            for (String fn : trace.functions()) {
                if (("_" + fn.toLowerCase(Locale.ROOT) + "_").contains(word)) {
                    return true;
                }
            }
            for (String file : trace.files()) {
                if (inPath(name, file.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inPath(String name, String file) {
        String[] parts = file.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1) {
                int dot = part.lastIndexOf('.');
                part = dot > 0 ? part.substring(0, dot) : part;
            }
            if (part.equals(name)
                    || (name.length() >= MIN_PREFIX && part.startsWith(name))
                    || (part.length() >= MIN_PREFIX && name.startsWith(part))) {
                return true;
            }
        }
        return false;
    }
}

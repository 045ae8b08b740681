package dev.culprit.assess;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a commit changes one of the kernel's bug detectors: the sanitizers (KASAN, KMSAN,
 * KCSAN, KFENCE, UBSAN), lockdep, kmemleak, debug objects, the reference-count tracker, fault
 * injection, or a new warning. Such a commit makes bugs visible that were there before it, so
 * the crash it is blamed for is often an older bug it now reports (or a false report of the
 * detector itself): the blame is doubtful either way.
 */
final class BugDetectors {
    /** Detector names in a commit title ({@code "kasan, vmalloc: ..."}, {@code "net: warn if ..."}). */
    private static final Pattern TITLE = Pattern.compile("\\b(kasan|kmsan|kcsan|kfence|ubsan|lockdep|kmemleak"
            + "|debugobjects|ref_tracker|refcount tracker|fault[- ]injection|warn|warn_on(?:_once)?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Source files of the detectors themselves; the first group that matched names the detector. */
    private static final Pattern FILE = Pattern.compile("^(?:mm/(kasan|kmsan|kfence)/|kernel/(kcsan)/|lib/(ubsan)"
            + "|kernel/locking/(lockdep)|mm/(kmemleak)|lib/(debugobjects)|lib/(ref_tracker)|lib/(fault-inject)"
            + "|mm/(failslab)|include/linux/(kasan|kmsan|kcsan|kfence|ubsan|lockdep|kmemleak|debugobjects|ref_tracker"
            + "|fault-inject))");

    private BugDetectors() {}

    /**
     * The detectors the commit changes, as a maintainer names them ({@code lockdep}, {@code KASAN},
     * {@code a warning}); empty when it changes none.
     */
    static Set<String> changed(String title, List<String> paths) {
        Set<String> found = new LinkedHashSet<>();
        if (title != null) {
            Matcher m = TITLE.matcher(title);
            while (m.find()) {
                found.add(name(m.group(1)));
            }
        }
        for (String p : paths) {
            Matcher m = FILE.matcher(p);
            if (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        found.add(name(m.group(g)));
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static String name(String raw) {
        String r = raw.toLowerCase(Locale.ROOT).replace('-', ' ');
        return switch (r) {
            case "kasan", "kmsan", "kcsan", "kfence", "ubsan" -> r.toUpperCase(Locale.ROOT);
            case "warn", "warn_on", "warn_on_once" -> "a warning";
            case "ref_tracker", "refcount tracker" -> "the reference count tracker";
            case "debugobjects" -> "debug objects";
            case "fault injection", "fault inject", "failslab" -> "fault injection";
            default -> r;
        };
    }
}

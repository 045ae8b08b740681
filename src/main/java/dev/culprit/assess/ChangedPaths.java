package dev.culprit.assess;

import dev.culprit.model.ChangedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Questions about the paths a commit changed, as its diffstat or raw diff-tree listing gives them. */
final class ChangedPaths {
    private static final List<String> UNBUILT_PREFIXES = List.of(
            "Documentation/", "samples/", "tools/testing/", "LICENSES/");
    private static final Set<String> UNBUILT_FILES = Set.of(
            "MAINTAINERS", "CREDITS", "README", "COPYING", ".mailmap");

    private final List<ChangedFile> files;

    ChangedPaths(List<ChangedFile> files) {
        this.files = List.copyOf(files);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    List<String> paths() {
        return files.stream().map(ChangedFile::path).toList();
    }

    /**
     * The paths as a maintainer reads them: a top-level directory of old git's raw listing
     * (no line count, no dot in its name) gets a trailing slash ({@code net/}).
     */
    List<String> shown() {
        return files.stream().map(f -> topLevelDirectory(f) ? f.path() + "/" : f.path()).toList();
    }

    private static boolean topLevelDirectory(ChangedFile f) {
        return f.changes() == null && !f.path().contains("/") && !f.path().contains(".")
                && !UNBUILT_FILES.contains(f.path()) && !f.path().equals("Makefile") && !f.path().equals("Kconfig");
    }

    /**
     * Whether old git's raw listing named only top-level entries, at least one of them a
     * directory ({@code fs}, {@code net}): the files the commit changes are not known.
     */
    boolean onlyTopLevel() {
        boolean directory = false;
        for (ChangedFile f : files) {
            if (f.changes() != null || f.path().contains("/")) {
                return false;
            }
            directory |= topLevelDirectory(f);
        }
        return directory;
    }

    /**
     * Whether some changed path is a file of the trace. A path git abbreviated
     * ({@code .../display/foo.yaml}) matches by its suffix; a directory entry of old git's raw
     * listing ({@code net}) matches every file below it.
     */
    boolean touchesAnyOf(Set<String> traceFiles) {
        for (ChangedFile f : files) {
            String p = f.path();
            for (String t : traceFiles) {
                if (t.equals(p)
                        || (p.startsWith(".../") && t.endsWith(p.substring(3)))
                        || t.startsWith(p.endsWith("/") ? p : p + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether some changed file lies in the same directory as a file of the trace. */
    boolean sharesDirectoryWith(Set<String> traceFiles) {
        for (String p : paths()) {
            String dir = directory(p);
            if (dir != null && !p.startsWith(".../") && traceFiles.stream().anyMatch(t -> dir.equals(directory(t)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The paths that are never built into a kernel: documentation, samples, selftests, licence
     * and maintainer files, and other architectures than those the trace names. With no
     * architecture in the trace, no {@code arch/} path counts as unbuilt.
     */
    List<String> unbuilt(Set<String> testedArches) {
        List<String> out = new ArrayList<>();
        for (String p : paths()) {
            if (isUnbuilt(p, testedArches)) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isUnbuilt(String p, Set<String> testedArches) {
        if (UNBUILT_FILES.contains(p) || p.endsWith(".rst")) {
            return true;
        }
        for (String prefix : UNBUILT_PREFIXES) {
            if (p.startsWith(prefix)) {
                return true;
            }
        }
        if (p.startsWith("arch/") && !testedArches.isEmpty()) {
            int slash = p.indexOf('/', 5);
            String arch = slash < 0 ? p.substring(5) : p.substring(5, slash);
            return !testedArches.contains(arch);
        }
        return false;
    }

    private static String directory(String p) {
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? null : p.substring(0, slash);
    }
}

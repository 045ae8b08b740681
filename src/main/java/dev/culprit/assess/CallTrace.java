package dev.culprit.assess;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The source files, functions and architectures named by the frames of a kernel crash report
 * ({@code dump_stack+0x12d/0x187 lib/dump_stack.c:118}, {@code __dump_stack lib/dump_stack.c:77 [inline]}).
 * Reports of old kernels without file names give empty sets.
 *
 * <p>A frame is what the pattern
 * <pre>([A-Za-z_][A-Za-z0-9_.]*)(?:\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \[[A-Za-z0-9_]+\])? ((?:[A-Za-z0-9_.+-]+/)*[A-Za-z0-9_+-][A-Za-z0-9_.+-]*\.[chS]):\d+</pre>
 * finds, left to right and without overlap. It is read backwards from each {@code .c:}, {@code .h:}
 * or {@code .S:} followed by a digit, since every frame ends with one: trying the pattern at every
 * position of a report cost more than all the rest of an assessment.
 */
record CallTrace(Set<String> files, Set<String> functions, Set<String> arches) {
    CallTrace {
        files = Set.copyOf(files);
        functions = Set.copyOf(functions);
        arches = Set.copyOf(arches);
    }

    static CallTrace of(String report) {
        Set<String> files = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        Set<String> arches = new LinkedHashSet<>();
        if (report != null) {
            int bound = 0;
            for (int colon = report.indexOf(':', 3); colon >= 0; colon = report.indexOf(':', colon + 1)) {
                Frame f = frameAt(report, bound, colon);
                if (f == null) {
                    continue;
                }
                String fn = report.substring(f.identStart(), f.identEnd());
                int dot = fn.indexOf('.');
                functions.add(dot > 0 ? fn.substring(0, dot) : fn);
                int fileStart = report.startsWith("./", f.fileStart()) ? f.fileStart() + 2 : f.fileStart();
                String file = report.substring(fileStart, colon);
                files.add(file);
                String arch = arch(file);
                if (arch != null) {
                    arches.add(arch);
                }
                bound = f.end();
                colon = f.end() - 1;
            }
        }
        return new CallTrace(files, functions, arches);
    }

    /** Where a frame's function name and file start and end, and where the frame ends (after its line number). */
    private record Frame(int identStart, int identEnd, int fileStart, int end) {}

    /**
     * The frame that ends with the line number after {@code colon}, or null when none ends there.
     * Nothing before {@code bound} (the end of the frame before) is part of it.
     */
    private static Frame frameAt(String s, int bound, int colon) {
        if (colon + 1 >= s.length() || !digit(s.charAt(colon + 1)) || colon - 3 < bound || s.charAt(colon - 2) != '.') {
            return null;
        }
        char kind = s.charAt(colon - 1);
        if (kind != 'c' && kind != 'h' && kind != 'S') {
            return null;
        }
        int fileStart = fileStart(s, bound, colon);
        if (fileStart <= bound || s.charAt(fileStart - 1) != ' ' || !validFile(s, fileStart, colon)) {
            return null;
        }
        int identEnd = identEnd(s, bound, fileStart - 1);
        int identStart = identEnd < 0 ? -1 : identStart(s, bound, identEnd);
        if (identStart < 0) {
            return null;
        }
        int end = colon + 1;
        while (end < s.length() && digit(s.charAt(end))) {
            end++;
        }
        return new Frame(identStart, identEnd, fileStart, end);
    }

    /** The start of the run of file name characters that ends at {@code colon}. */
    private static int fileStart(String s, int bound, int colon) {
        return runStart(s, bound, colon, CallTrace::fileChar);
    }

    /** Where the run of characters of one class that ends at {@code end} starts, no earlier than {@code bound}. */
    private static int runStart(String s, int bound, int end, CharClass c) {
        int p = end;
        while (p > bound && c.has(s.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    @FunctionalInterface
    private interface CharClass {
        boolean has(char c);
    }

    /** {@code (?:[A-Za-z0-9_.+-]+/)*[A-Za-z0-9_+-][A-Za-z0-9_.+-]*\.[chS]}, knowing the run holds only such characters and ends with the suffix. */
    private static boolean validFile(String s, int from, int colon) {
        int component = from;
        for (int i = from; i < colon; i++) {
            if (s.charAt(i) == '/') {
                if (i == component) {
                    return false;
                }
                component = i + 1;
            }
        }
        return component < colon - 2 && s.charAt(component) != '.';
    }

    /**
     * Where the function name ends, for a frame whose file starts after the space at {@code space}:
     * before an optional {@code +0x../0x..} and an optional {@code  [module]}; -1 when nothing
     * there can end a function name.
     */
    private static int identEnd(String s, int bound, int space) {
        int k = space;
        if (k - 1 >= bound && s.charAt(k - 1) == ']') {
            int m = k - 2;
            while (m >= bound && wordChar(s.charAt(m))) {
                m--;
            }
            if (m == k - 2 || m < bound + 1 || s.charAt(m) != '[' || s.charAt(m - 1) != ' ') {
                return -1;
            }
            k = m - 1;
        }
        int offset = offsetStart(s, bound, k);
        if (offset >= 0 && identStart(s, bound, offset) >= 0) {
            return offset;
        }
        return k;
    }

    /** Where a {@code +0x[0-9a-f]+/0x[0-9a-f]+} that ends at {@code end} starts, or -1. */
    private static int offsetStart(String s, int bound, int end) {
        int h = hexStart(s, bound, end);
        if (h == end || h - 3 < bound || !s.startsWith("/0x", h - 3)) {
            return -1;
        }
        int g = hexStart(s, bound, h - 3);
        if (g == h - 3 || g - 3 < bound || !s.startsWith("+0x", g - 3)) {
            return -1;
        }
        return g - 3;
    }

    private static int hexStart(String s, int bound, int end) {
        return runStart(s, bound, end, CallTrace::hex);
    }

    /** The first letter or underscore of the run of {@code [A-Za-z0-9_.]} that ends at {@code end}, or -1. */
    private static int identStart(String s, int bound, int end) {
        for (int i = runStart(s, bound, end, CallTrace::identChar); i < end; i++) {
            char c = s.charAt(i);
            if (c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                return i;
            }
        }
        return -1;
    }

    /** {@code x86} of {@code arch/x86/entry/common.c}. */
    private static String arch(String file) {
        if (!file.startsWith("arch/")) {
            return null;
        }
        int j = 5;
        while (j < file.length() && wordChar(file.charAt(j))) {
            j++;
        }
        return j > 5 && j < file.length() && file.charAt(j) == '/' ? file.substring(5, j) : null;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hex(char c) {
        return digit(c) || c >= 'a' && c <= 'f';
    }

    private static boolean wordChar(char c) {
        return digit(c) || c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean identChar(char c) {
        return wordChar(c) || c == '.';
    }

    private static boolean fileChar(char c) {
        return identChar(c) || c == '+' || c == '-' || c == '/';
    }

    boolean isEmpty() {
        return files.isEmpty();
    }
}

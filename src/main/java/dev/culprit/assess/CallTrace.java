package dev.culprit.assess;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source files, functions and architectures named by the frames of a kernel crash report
 * ({@code dump_stack+0x12d/0x187 lib/dump_stack.c:118}, {@code __dump_stack lib/dump_stack.c:77 [inline]}).
 * Reports of old kernels without file names give empty sets.
 */
record CallTrace(Set<String> files, Set<String> functions, Set<String> arches) {
    /** One frame; it never spans lines. */
    private static final Pattern FRAME = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.]*)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \\[[A-Za-z0-9_]+\\])?"
                    + " ((?:[A-Za-z0-9_.+-]+/)*[A-Za-z0-9_+-][A-Za-z0-9_.+-]*\\.[chS]):\\d+");
    private static final Pattern ARCH = Pattern.compile("^arch/([A-Za-z0-9_]+)/");

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
            // a frame never spans lines: the pattern runs only on lines with a "file.c:123"
            // in them, as if each were the whole input, which is most of a report's cost saved
            Matcher m = FRAME.matcher(report);
            int from = 0;
            while (from <= report.length()) {
                int nl = report.indexOf('\n', from);
                int end = nl < 0 ? report.length() : nl;
                if (namesSourceLine(report, from, end)) {
                    m.region(from, end);
                    while (m.find()) {
                        String fn = m.group(1);
                        int dot = fn.indexOf('.');
                        functions.add(dot > 0 ? fn.substring(0, dot) : fn);
                        String file = m.group(2).startsWith("./") ? m.group(2).substring(2) : m.group(2);
                        files.add(file);
                        Matcher a = ARCH.matcher(file);
                        if (a.find()) {
                            arches.add(a.group(1));
                        }
                    }
                }
                from = end + 1;
            }
        }
        return new CallTrace(files, functions, arches);
    }

    /** Whether {@code text[from, end)} has a {@code .c:}, {@code .h:} or {@code .S:} followed by a digit. */
    private static boolean namesSourceLine(String text, int from, int end) {
        for (int i = text.indexOf(':', from); i >= 0 && i < end; i = text.indexOf(':', i + 1)) {
            if (i - from >= 2 && text.charAt(i - 2) == '.' && i + 1 < end && Character.isDigit(text.charAt(i + 1))) {
                char k = text.charAt(i - 1);
                if (k == 'c' || k == 'h' || k == 'S') {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isEmpty() {
        return files.isEmpty();
    }
}

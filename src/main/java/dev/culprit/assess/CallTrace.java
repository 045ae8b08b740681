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
            Matcher m = FRAME.matcher(report);
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
        return new CallTrace(files, functions, arches);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }
}

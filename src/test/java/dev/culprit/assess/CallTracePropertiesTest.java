package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** On text made of the pieces of frames, put together at random, CallTrace finds what the frame pattern finds. */
class CallTracePropertiesTest {
    private static final Pattern FRAME = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.]*)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \\[[A-Za-z0-9_]+\\])?"
                    + " ((?:[A-Za-z0-9_.+-]+/)*[A-Za-z0-9_+-][A-Za-z0-9_.+-]*\\.[chS]):\\d+");
    private static final Pattern ARCH = Pattern.compile("^arch/([A-Za-z0-9_]+)/");

    private static final List<String> PIECES = List.of(
            "dump_stack", "_x", "f.cold.1", "9", "0", "x", "a", "F", ".", "+", "-", "/", ":", " ", "  ", "\n", "[", "]",
            "+0x1f/0x2a", "+0x0/0x0", "+0x1F/0x2", "0x", "/0x", "+0x", " [ext4]", " [", " []", " [m] ", "[m]", " a.c:1", "[inline]", " lib/", "arch/x86/",
            "arch//", "./", "a.c", "b.h", "e.S", ".c", ".h", ".S", ".s", "x.c", ":1", ":23", ":x", "c:", "..", "//");

    @Provide
    Arbitrary<String> frameLikeText() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 20000)
    void findsWhatTheFramePatternFinds(@ForAll("frameLikeText") String text) {
        Set<String> files = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        Set<String> arches = new LinkedHashSet<>();
        Matcher m = FRAME.matcher(text);
        while (m.find()) {
            String fn = m.group(1);
            functions.add(fn.indexOf('.') > 0 ? fn.substring(0, fn.indexOf('.')) : fn);
            String file = m.group(2).startsWith("./") ? m.group(2).substring(2) : m.group(2);
            files.add(file);
            Matcher a = ARCH.matcher(file);
            if (a.find()) {
                arches.add(a.group(1));
            }
        }
        CallTrace t = CallTrace.of(text);
        assertThat(t.files()).as(text).isEqualTo(files);
        assertThat(t.functions()).as(text).isEqualTo(functions);
        assertThat(t.arches()).as(text).isEqualTo(arches);
    }
}

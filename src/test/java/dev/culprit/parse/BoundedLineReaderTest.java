package dev.culprit.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
    private static List<String> lines(String text, int max) throws IOException {
        BoundedLineReader r = new BoundedLineReader(new StringReader(text), max);
        List<String> out = new ArrayList<>();
        for (String l; (l = r.readLine()) != null; ) {
            out.add(l + (r.droppedChars() > 0 ? "+" + r.droppedChars() : ""));
        }
        return out;
    }

    @Test
    void splitsOnNewlineOnlyAndKeepsEmptyLinesCarriageReturnsAndTrailingSpaces() throws IOException {
        assertThat(lines("a\n\nb \r\nc", 100)).containsExactly("a", "", "b \r", "c");
    }

    @Test
    void readsABareCarriageReturnAsASpaceAndKeepsOneBeforeTheNewline() throws IOException {
        assertThat(lines("a\rb\r\nc\r\r\nd\re\r", 100)).containsExactly("a b\r", "c \r", "d e ");
    }

    @Test
    void readsTheUnicodeLineSeparatorsAsSpaces() throws IOException {
        assertThat(lines("a\u0085b\u2028c\u2029d\n" + "e\u2028".repeat(5000) + "\n", 100_000))
                .containsExactly("a b c d", "e ".repeat(5000));
    }

    @Test
    void readsABareCarriageReturnAsASpaceAcrossBufferEdgesAndCaps() throws IOException {
        Reader slow = new StringReader("ab\r\ncd\ref\n") {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return super.read(cbuf, off, Math.min(1, len));
            }
        };
        BoundedLineReader r = new BoundedLineReader(slow, 10);
        assertThat(r.readLine()).isEqualTo("ab\r");
        assertThat(r.readLine()).isEqualTo("cd ef");
        assertThat(lines("abc\rdef\n", 4)).containsExactly("abc +3");
        String big = "y".repeat(10_000);
        assertThat(lines(big + "\r" + big + "\r\n", 30_000)).containsExactly(big + " " + big + "\r");
    }

    @Test
    void appendsALineWithItsBareCarriageReturnsAsSpacesAndWithoutItsCrlf() throws IOException {
        BoundedLineReader r = new BoundedLineReader(new StringReader("a\rb\r\n"), 10);
        BoundedText text = new BoundedText(100);
        assertThat(r.appendLineTo(text, "x")).isTrue();
        assertThat(text.text()).isEqualTo("a b");
    }

    @Test
    void givesNoLineForAnEmptyInputAndNoExtraLineAfterAFinalNewline() throws IOException {
        assertThat(lines("", 100)).isEmpty();
        assertThat(lines("a\n", 100)).containsExactly("a");
    }

    @Test
    void keepsTheFirstCharactersOfALongLineAndCountsTheRest() throws IOException {
        assertThat(lines("abcdefgh\nij\n", 3)).containsExactly("abc+5", "ij");
    }

    @Test
    void capsLinesThatSpanManyBuffers() throws IOException {
        String big = "y".repeat(200_000);
        assertThat(lines(big + "\nz", 10)).containsExactly("yyyyyyyyyy+199990", "z");
        assertThat(lines(big + "\nz", 300_000)).containsExactly(big, "z");
    }

    @Test
    void tellsWhetherTheLastLineWasTerminated() throws IOException {
        BoundedLineReader r = new BoundedLineReader(new StringReader("a\nb"), 10);
        r.readLine();
        assertThat(r.terminated()).isTrue();
        r.readLine();
        assertThat(r.terminated()).isFalse();
    }

    @Test
    void readsFromAReaderThatReturnsOneCharacterAtATime() throws IOException {
        Reader slow = new StringReader("ab\ncd") {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return super.read(cbuf, off, Math.min(1, len));
            }
        };
        BoundedLineReader r = new BoundedLineReader(slow, 10);
        assertThat(r.readLine()).isEqualTo("ab");
        assertThat(r.readLine()).isEqualTo("cd");
        assertThat(r.readLine()).isNull();
    }
}

package dev.culprit.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines on {@code "\n"} alone, keeping at most a fixed number of
 * characters of each line: the rest of an overlong line is counted and skipped, never held in
 * memory. A {@code "\r"} right before the {@code "\n"} stays at the end of the line (a CRLF line
 * end, for the caller to drop). Any other {@code "\r"}, and the Unicode line separators NEL
 * (U+0085), LS (U+2028) and PS (U+2029), are text in this format and are read as spaces, so that
 * a stray one inside a title neither ends nor garbles the line for whoever reads it next (Java's
 * regular expressions, {@code String.lines()} and mail programs all take them for line ends).
 * Everything else (NUL, trailing spaces) is left in the line.
 */
final class BoundedLineReader {
    private static final int BUFFER_SIZE = 8 * 1024;

    private final Reader in;
    private final int maxLineLength;
    private final char[] buf = new char[BUFFER_SIZE];
    private StringBuilder partial;
    private int pos;
    private int limit;
    private boolean eof;
    private long droppedChars;
    private boolean terminated = true;

    BoundedLineReader(Reader in, int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    /** The next line without its {@code "\n"}, or null at the end of the input. */
    String readLine() throws IOException {
        droppedChars = 0;
        if (partial != null) {
            partial.setLength(0);
        }
        boolean started = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (!started) {
                    return null;
                }
                terminated = false;
                return partial == null ? "" : bareCarriageReturnsToSpaces(partial, false);
            }
            started = true;
            int start = pos;
            int end = limit;
            int i = start;
            char[] b = buf;
            while (i < end && b[i] != '\n') {
                i++;
            }
            if (i < end) {
                pos = i + 1;
                terminated = true;
                if ((partial == null || partial.length() == 0) && droppedChars == 0) {
                    int len = i - start;
                    if (len > maxLineLength) {
                        droppedChars = len - maxLineLength;
                        len = maxLineLength;
                    }
                    bareCarriageReturnsToSpaces(start, start + len, i);
                    return new String(b, start, len);
                }
                keep(start, i - start);
                return bareCarriageReturnsToSpaces(partial, droppedChars == 0);
            }
            keep(start, end - start);
            pos = end;
        }
    }

    /**
     * Appends the next line straight from the buffer to {@code text}, without a trailing
     * {@code "\r"}, when the line lies whole in the buffer, fits the length cap and does not
     * start with {@code stop}; returns true then. Otherwise nothing is consumed and the line is
     * left for {@link #readLine()}. Saves making a string of every line of a long report.
     */
    boolean appendLineTo(BoundedText text, String stop) throws IOException {
        if (pos >= limit && !fill()) {
            return false;
        }
        int start = pos;
        int end = limit;
        int i = start;
        char[] b = buf;
        while (i < end && b[i] != '\n') {
            i++;
        }
        int len = i - start;
        if (i == end || len > maxLineLength || startsWith(start, len, stop)) {
            return false;
        }
        pos = i + 1;
        terminated = true;
        droppedChars = 0;
        bareCarriageReturnsToSpaces(start, i, i);
        text.appendLine(b, start, len > 0 && b[i - 1] == '\r' ? len - 1 : len);
        return true;
    }

    /**
     * Turns every {@code "\r"}, NEL, LS and PS in {@code buf[from, to)} into a space, except a
     * {@code "\r"} right before the {@code "\n"} at {@code lineEnd}. Works in place: these
     * characters are consumed.
     */
    private void bareCarriageReturnsToSpaces(int from, int to, int lineEnd) {
        char[] b = buf;
        for (int k = from; k < to; k++) {
            char c = b[k];
            if (c == '\r' ? k != lineEnd - 1 : isSeparator(c)) {
                b[k] = ' ';
            }
        }
    }

    /** NEL, LS and PS: line ends elsewhere, text here. */
    private static boolean isSeparator(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * The line held in {@code line} with every {@code "\r"}, NEL, LS and PS read as a space,
     * except a last {@code "\r"} when {@code crlf} (the line ended in {@code "\n"} right after it,
     * nothing cut between).
     */
    private static String bareCarriageReturnsToSpaces(StringBuilder line, boolean crlf) {
        int n = line.length();
        for (int k = 0; k < n; k++) {
            char c = line.charAt(k);
            if (c == '\r' ? !(crlf && k == n - 1) : isSeparator(c)) {
                line.setCharAt(k, ' ');
            }
        }
        return line.toString();
    }

    private boolean startsWith(int start, int len, String prefix) {
        int n = prefix.length();
        if (len < n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (buf[start + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** How many characters of the line last returned were dropped because it was too long. */
    long droppedChars() {
        return droppedChars;
    }

    /** Whether the line last returned ended with {@code "\n"} (false for a cut last line). */
    boolean terminated() {
        return terminated;
    }

    private void keep(int start, int len) {
        if (partial == null) {
            partial = new StringBuilder();
        }
        int room = maxLineLength - partial.length();
        int take = Math.min(room, len);
        if (take > 0) {
            partial.append(buf, start, take);
        }
        droppedChars += len - take;
    }

    private boolean fill() throws IOException {
        while (!eof) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                pos = 0;
                limit = n;
                return true;
            }
        }
        return false;
    }
}

package dev.culprit.parse;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines on {@code "\n"} alone, keeping at most a fixed number of
 * characters of each line: the rest of an overlong line is counted and skipped, never held in
 * memory. Everything else ({@code "\r"}, NUL, trailing spaces) is left in the line.
 */
final class BoundedLineReader {
    private static final int BUFFER_SIZE = 8 * 1024;

    private final Reader in;
    private final int maxLineLength;
    private final char[] buf = new char[BUFFER_SIZE];
    private final StringBuilder partial = new StringBuilder();
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
        partial.setLength(0);
        boolean started = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (!started) {
                    return null;
                }
                terminated = false;
                return partial.toString();
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
                if (partial.length() == 0 && droppedChars == 0) {
                    int len = i - start;
                    if (len > maxLineLength) {
                        droppedChars = len - maxLineLength;
                        len = maxLineLength;
                    }
                    return new String(b, start, len);
                }
                keep(start, i - start);
                return partial.toString();
            }
            keep(start, end - start);
            pos = end;
        }
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

package dev.culprit.parse;

import java.util.Arrays;

/**
 * Lines joined with {@code "\n"}, kept up to a character limit; beyond it the text is only
 * counted. Trailing empty lines are not part of the text (a record that ends in {@code "\n"}
 * leaves one behind in the log). The text is kept in a plain character array that grows as
 * needed, so appending a line is one array copy.
 */
final class BoundedText {
    private final int limit;
    private char[] kept = new char[0];
    private int size;
    private long length;
    private long lines;
    private long pendingBlanks;

    BoundedText(int limit) {
        this.limit = Math.max(0, limit);
    }

    void appendLine(String line) {
        int len = line.length();
        if (len == 0) {
            pendingBlanks++;
            return;
        }
        startLine();
        length += len;
        int take = Math.min(limit - size, len);
        if (take > 0) {
            ensure(size + take);
            line.getChars(0, take, kept, size);
            size += take;
        }
    }

    /** As {@link #appendLine(String)} for the characters {@code b[off, off + len)}. */
    void appendLine(char[] b, int off, int len) {
        if (len == 0) {
            pendingBlanks++;
            return;
        }
        startLine();
        length += len;
        int take = Math.min(limit - size, len);
        if (take > 0) {
            ensure(size + take);
            System.arraycopy(b, off, kept, size, take);
            size += take;
        }
    }

    /** Writes the line breaks (and the empty lines held back) before a non-empty line. */
    private void startLine() {
        long breaks = (lines > 0 ? 1 : 0) + pendingBlanks;
        lines += pendingBlanks + 1;
        pendingBlanks = 0;
        length += breaks;
        int take = (int) Math.min(limit - size, breaks);
        if (take > 0) {
            ensure(size + take);
            Arrays.fill(kept, size, size + take, '\n');
            size += take;
        }
    }

    private void ensure(int capacity) {
        if (capacity > kept.length) {
            int grown = Math.max(capacity, Math.min(limit, Math.max(256, kept.length * 2)));
            kept = Arrays.copyOf(kept, grown);
        }
    }

    String text() {
        return new String(kept, 0, size);
    }

    /** The length of the whole text, kept or not. */
    long length() {
        return length;
    }

    boolean truncated() {
        return length > size;
    }

    boolean isEmpty() {
        return lines == 0;
    }
}

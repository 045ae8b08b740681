package dev.culprit.parse;

/**
 * Lines joined with {@code "\n"}, kept up to a character limit; beyond it the text is only
 * counted. Trailing empty lines are not part of the text (a record that ends in {@code "\n"}
 * leaves one behind in the log).
 */
final class BoundedText {
    private final int limit;
    private final StringBuilder kept = new StringBuilder();
    private long length;
    private long lines;
    private long pendingBlanks;

    BoundedText(int limit) {
        this.limit = Math.max(0, limit);
    }

    void appendLine(String line) {
        if (line.isEmpty()) {
            pendingBlanks++;
            return;
        }
        for (; pendingBlanks > 0; pendingBlanks--) {
            add("");
        }
        add(line);
    }

    private void add(String line) {
        if (lines > 0) {
            put("\n");
        }
        put(line);
        lines++;
    }

    private void put(String s) {
        length += s.length();
        int room = limit - kept.length();
        if (room >= s.length()) {
            kept.append(s);
        } else if (room > 0) {
            kept.append(s, 0, room);
        }
    }

    String text() {
        return kept.toString();
    }

    /** The length of the whole text, kept or not. */
    long length() {
        return length;
    }

    boolean truncated() {
        return length > kept.length();
    }

    boolean isEmpty() {
        return lines == 0;
    }
}

package dev.culprit.model;

import java.util.Objects;

/**
 * Something wrong or surprising in an input, with the 1-based line it was found on (0 when it
 * concerns the input as a whole).
 */
public record Problem(int line, String message) {
    public Problem {
        if (line < 0) {
            throw new IllegalArgumentException("not a valid line number: " + line);
        }
        Objects.requireNonNull(message, "message");
    }

    /** {@code 57: no "first bad commit" line}, or just the message when the line is unknown. */
    @Override
    public String toString() {
        return line > 0 ? line + ": " + message : message;
    }

    /** {@code inbox/4711.log:57: message}. */
    public String describe(String source) {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}

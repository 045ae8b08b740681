package dev.culprit.parse;

import dev.culprit.model.BisectionType;
import dev.culprit.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the block readers of one parse share: the number of the line being read, the problems,
 * the informational records and the first hint at the bisection type.
 */
final class LogContext {
    static final int MAX_INFO_LINES = 1_000;

    private final Problems problems = new Problems();
    private final List<String> infoLines = new ArrayList<>();
    private BisectionType hint;
    private long line;

    /** The 1-based number of the line being read; after the last line, that line's number. */
    long line() {
        return line;
    }

    void at(long number) {
        line = number;
    }

    /** A problem on the line being read. */
    void problem(String message) {
        problems.add(line, message);
    }

    void problem(long at, String message) {
        problems.add(at, message);
    }

    List<Problem> problems() {
        return problems.toList();
    }

    /** Keeps an informational record that does not change the result. */
    void info(String text) {
        if (infoLines.size() < MAX_INFO_LINES) {
            infoLines.add(text);
        }
    }

    List<String> infoLines() {
        return infoLines;
    }

    /** A record only one type of bisection prints; the first such hint counts. */
    void hint(BisectionType type) {
        if (hint == null) {
            hint = type;
        }
    }

    BisectionType hint() {
        return hint;
    }

    Integer parseInt(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            problem("number out of range: " + Scan.abbreviate(digits));
            return null;
        }
    }

    Double parseDouble(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problem("not a number: " + Scan.abbreviate(text));
            return null;
        }
    }

    /** A signature value; an empty one is a problem. */
    String hexValue(String rest) {
        String v = rest.strip();
        if (v.isEmpty()) {
            problem("empty signature");
        }
        return v;
    }
}

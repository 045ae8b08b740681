package dev.culprit.parse;

import dev.culprit.model.ParseResult;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Reads a syzkaller bisection log into a {@link dev.culprit.model.BisectionReport}. The log is read
 * line by line and never held in memory as a whole: a line is kept up to {@link #MAX_LINE_LENGTH}
 * characters, the final crash report up to the configured limit, error and build texts up to
 * {@link #MAX_TEXT_LENGTH}, and every list up to a fixed count. Whatever the input, the result is a
 * report plus problems (each with its line), never an exception; only a failing {@link Reader}
 * makes {@link #parse(Reader)} throw.
 *
 * <p>The grammar is that of every syzkaller generation since 2019: cause and fix bisections, old
 * {@code with gcc} compilers and {@code cc:} lists, debugtracer empty lines, config minimization,
 * every result form. An instance holds no state between calls and may be shared.
 */
public final class LogParser {
    /** The longest line kept; the rest of a longer line is skipped and noted as a problem. */
    public static final int MAX_LINE_LENGTH = 256 * 1024;
    /** The most characters kept of an error message or a build error. */
    public static final int MAX_TEXT_LENGTH = 256 * 1024;

    /**
     * Binary content shows in the first lines; later ones, and the text of a final crash report or
     * error, are not searched for it.
     */
    private static final int BINARY_CHECK_LINES = 100;

    private final int crashReportLimit;

    /** @param crashReportLimit the most characters of the final crash report kept */
    public LogParser(int crashReportLimit) {
        if (crashReportLimit < 0) {
            throw new IllegalArgumentException("crash report limit must not be negative: " + crashReportLimit);
        }
        this.crashReportLimit = crashReportLimit;
    }

    /** Reads the log to its end. The reader is not closed. */
    public ParseResult parse(Reader log) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(log, MAX_LINE_LENGTH);
        LogReading run = new LogReading(crashReportLimit, MAX_TEXT_LENGTH);
        long number = 0;
        boolean nulNoted = false;
        long replacedLines = 0;
        long firstReplaced = 0;
        while (true) {
            // the lines of a final error text or crash report go straight to it
            BoundedText sink = run.textSink();
            if (sink != null && lines.appendLineTo(sink, ResultReader.SUMMARY_PREFIX)) {
                run.skipped(++number);
                continue;
            }
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            number++;
            if (lines.droppedChars() > 0) {
                run.problem(number, "line of " + (line.length() + lines.droppedChars())
                        + " characters cut to its first " + MAX_LINE_LENGTH);
            }
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                // no record ends in CR: it is a CRLF file or terminal output inside a multi-line record
                line = line.substring(0, line.length() - 1);
                if (number == 1) {
                    run.problem(number, "CRLF line ends; the CRs are dropped");
                }
            }
            if (number <= BINARY_CHECK_LINES) {
                if (!nulNoted && line.indexOf('\u0000') >= 0) {
                    nulNoted = true;
                    run.problem(number, "NUL bytes: the log holds binary content");
                }
                if (line.indexOf('\uFFFD') >= 0 && replacedLines++ == 0) {
                    firstReplaced = number;
                }
            }
            run.accept(line, number);
        }
        long checked = Math.min(number, BINARY_CHECK_LINES);
        if (replacedLines > 0 && replacedLines * 10 >= checked) {
            run.problem(firstReplaced, replacedLines + " of the first " + checked
                    + " lines hold bytes that are not UTF-8 (shown as U+FFFD): the log holds binary content");
        }
        return run.finish(lines.terminated());
    }

    /** Reads a log held in a string. */
    public ParseResult parse(String log) {
        try {
            return parse(new StringReader(log));
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
    }
}

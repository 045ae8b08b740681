package dev.culprit.parse;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Commit;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;

/**
 * One parse: fed the lines of a log in order, then asked for the report. Before the last
 * {@code revisions tested:} line every line is a record, read by the first named rule of
 * {@link #BODY} that takes it, each rule belonging to the reader of one block; what follows that
 * line is the result. Every collection is capped, so memory stays bounded whatever the input.
 */
final class LogReading {
    /** The rules of every block before the summary, in the order they are tried. */
    private static final LineRules<LogReading> BODY = bodyRules();

    final LogContext log = new LogContext();
    private final Phases phases = new Phases();
    final HeaderReader header = new HeaderReader(log);
    final TestBlockReader tests;
    final RangeReader range;
    final MinimizationReader minimization;
    final BisectStepReader steps;
    final AfterBisectionReader after;
    final ResultReader result;
    private long contentLines;
    /** The last line that was not empty, and its number: what came before a result line. */
    private String previous = "";
    private long previousLine;

    LogReading(int crashReportLimit, int textLimit) {
        tests = new TestBlockReader(log, phases, textLimit);
        range = new RangeReader(log, phases, tests);
        minimization = new MinimizationReader(log, phases, tests);
        steps = new BisectStepReader(log, phases, tests);
        after = new AfterBisectionReader(log, phases, tests, steps);
        result = new ResultReader(log, tests, crashReportLimit, textLimit);
    }

    private static LineRules<LogReading> bodyRules() {
        LineRules.Builder<LogReading> rules = LineRules.builder();
        HeaderReader.addRules(rules);
        TestBlockReader.addRules(rules);
        ResultReader.addRules(rules);
        RangeReader.addRules(rules);
        MinimizationReader.addRules(rules);
        BisectStepReader.addRules(rules);
        AfterBisectionReader.addRules(rules);
        return rules.build();
    }

    /** The rules read before the summary, for tests. */
    static LineRules<LogReading> bodyRulesTable() {
        return BODY;
    }

    void problem(long line, String message) {
        log.problem(line, message);
    }

    /**
     * Where the next lines go when they are only text to keep (an error message or a crash
     * report running to the end of the log), or null when every line must be read as a record.
     * The caller may append such lines itself and report them with {@link #skipped(long)}, except
     * a line that starts with {@link ResultReader#SUMMARY_PREFIX}.
     */
    BoundedText textSink() {
        return result.textSink();
    }

    /** A line that the caller appended to {@link #textSink()}. */
    void skipped(long number) {
        log.at(number);
        contentLines++;
    }

    /** Takes the next line of the log (without its line end). */
    void accept(String line, long number) {
        log.at(number);
        if (line.isEmpty()) {
            read(line);
            return;
        }
        contentLines++;
        read(line);
        previous = line;
        previousLine = number;
    }

    private void read(String line) {
        if (line.startsWith(ResultReader.SUMMARY_PREFIX)) {
            closeBody();
            result.summary(line, steps.gitCulprit());
        } else if (result.started()) {
            result.accept(line);
        } else if (previousLine > 0 && ResultLines.agreesWithGit(line, steps.gitCulprit())) {
            closeBody();
            result.withoutSummary(line, previousLine, previous);
        } else if (!steps.inCommitBlock() || !steps.commitLine(line)) {
            body(line);
        }
    }

    private void closeBody() {
        steps.closeCommitBlock();
        tests.close();
        steps.closeStep();
    }

    /** A record before the summary. */
    private void body(String line) {
        if (line.isEmpty() || BODY.read(this, line)) {
            return;
        }
        if (Scan.isHexDigit(line.charAt(0)) && hashLedRecord(line)) {
            return;
        }
        if (header.hostLine(line, tests.noneYet())) {
            return;
        }
        tests.continuation(line);
    }

    /** {@code <h> is the first bad commit} and {@code <h>/<title> is a merge base}. */
    private boolean hashLedRecord(String line) {
        if (line.length() <= 40) {
            return false;
        }
        return switch (line.charAt(40)) {
            case ' ' -> steps.firstBadCommit(line);
            case '/' -> range.mergeBase(line);
            default -> false;
        };
    }

    ParseResult finish(boolean lastLineTerminated) {
        closeBody();
        long last = log.line();
        if (last == 0 || contentLines == 0) {
            log.problem(0, "empty log");
        } else if (!header.seen()) {
            log.problem(1, "no \"bisecting cause|fixing commit\" line: the beginning of the log is missing, the start commit is unknown");
        }
        BisectionType type = type();
        if (!lastLineTerminated && last > 0) {
            // the log ends in the middle of its last line: what that line says is incomplete
            header.lastLineCut(last);
            result.lastLineCut(last);
        }
        Outcome outcome = result.outcome(type, lastLineTerminated, contentLines > 0);
        result.checkComplete();
        Commit culprit = steps.culprit(result.culpritHash(), result.line());
        BisectionReport.Builder report = BisectionReport.builder().type(type).outcome(outcome).culprit(culprit)
                .originalCrashTitle(tests.originalCrashTitle()).revisions(tests.revisions())
                .releasesTested(range.releasesTested()).bisectSteps(steps.steps())
                .minimization(minimization.result()).infoLines(log.infoLines());
        header.into(report);
        after.into(report);
        result.into(report);
        return new ParseResult(report.build(), log.problems());
    }

    /** The type from the header, else from the result, else from the first hint. */
    private BisectionType type() {
        BisectionType fromHeader = header.type();
        BisectionType fromResult = result.type();
        if (fromHeader != null && fromResult != null && fromHeader != fromResult) {
            log.problem(result.line(), "the result speaks of a " + fromResult.id() + " bisection, the header of a "
                    + fromHeader.id() + " bisection");
        }
        return fromHeader != null ? fromHeader : fromResult != null ? fromResult : log.hint();
    }
}

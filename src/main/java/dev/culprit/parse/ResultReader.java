package dev.culprit.parse;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Outcome;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final summary and the result: the flakiness records, the last {@code revisions tested:}
 * line, and what follows it up to the end of the log (an error text, a culprit with its
 * recipients, the inconclusive candidates or a not-found wording, and the crash report).
 */
final class ResultReader {
    static final String SUMMARY_PREFIX = "revisions tested: ";
    private static final Pattern SUMMARY = Pattern.compile(
            "^revisions tested: (\\d+), total time: (\\S+)(?: \\(build: (\\S+), test: (\\S+)\\))?\\s*$");
    private static final Pattern SUMMARY_COUNT = Pattern.compile("^revisions tested: (\\d+)");
    private static final Pattern FLAKY_ESTIMATE = Pattern.compile("^reproducer is flaky \\(([0-9.]+) repro chance estimate\\)");

    private final LogContext log;
    private final TestBlockReader tests;
    private final int crashReportLimit;
    private final int textLimit;
    private boolean flaky;
    private Double reproChance;
    private long summaryLine;
    private Integer revisionsTested;
    private String totalTime;
    private String buildTime;
    private String testTime;
    /** The result after the last summary line; null before the first. */
    private ResultLines result;

    ResultReader(LogContext log, TestBlockReader tests, int crashReportLimit, int textLimit) {
        this.log = log;
        this.tests = tests;
        this.crashReportLimit = crashReportLimit;
        this.textLimit = textLimit;
    }

    static void addRules(LineRules.Builder<LogReading> rules) {
        rules.on("reproducer seems to be flaky", (r, line, end) -> {
            r.result.flaky = true;
            r.tests.inBlock();
        }).on("reproducer is flaky", (r, line, end) -> r.result.flakyEstimate(line)).on("Reproducer flagged being flaky",
                (r, line, end) -> {
                    r.tests.close();
                    r.result.flaky = true;
                });
    }

    /** {@code reproducer is flaky (<p> repro chance estimate)}. */
    private void flakyEstimate(String line) {
        tests.close();
        flaky = true;
        Matcher m = FLAKY_ESTIMATE.matcher(line);
        if (m.find()) {
            reproChance = log.parseDouble(m.group(1));
        }
    }

    /**
     * {@code revisions tested: N, total time: D (build: D, test: D)}: the result is read anew after
     * it; {@code gitCulprit} is the commit git named the first bad commit before it, or null.
     */
    void summary(String line, String gitCulprit) {
        Matcher m = SUMMARY.matcher(line);
        if (summaryLine > 0) {
            log.problem("another \"revisions tested\" line; the result is read after this one (the first was on line "
                    + summaryLine + ")");
        }
        summaryLine = log.line();
        result = new ResultLines(log, crashReportLimit, textLimit, gitCulprit);
        if (m.matches()) {
            revisionsTested = log.parseInt(m.group(1));
            totalTime = m.group(2);
            buildTime = m.group(3);
            testTime = m.group(4);
        } else {
            log.problem("summary line not in the form \"revisions tested: N, total time: D (build: D, test: D)\": "
                    + Scan.abbreviate(line));
            Matcher count = SUMMARY_COUNT.matcher(line);
            revisionsTested = count.find() ? log.parseInt(count.group(1)) : null;
            totalTime = null;
            buildTime = null;
            testTime = null;
        }
    }

    /**
     * {@code first bad|good commit: <h>} naming git's culprit before any summary: the summary line
     * before it, {@code unreadable} (its number {@code unreadableLine}), was damaged. The result is
     * read from {@code line} on, without the summary's figures.
     */
    void withoutSummary(String line, long unreadableLine, String unreadable) {
        log.problem(unreadableLine, "not a readable \"revisions tested\" summary; the result is read from line "
                + log.line() + ": " + Scan.abbreviate(unreadable));
        result = new ResultLines(log, crashReportLimit, textLimit, null);
        result.accept(line);
    }

    /** Whether the summary was read: every later line belongs to the result. */
    boolean started() {
        return result != null;
    }

    void accept(String line) {
        result.accept(line);
    }

    /** Where the lines of a final error text or crash report go, or null while lines are records. */
    BoundedText textSink() {
        return result == null ? null : result.textSink();
    }

    /** The type the result line speaks of, or null. */
    BisectionType type() {
        return result == null ? null : result.type();
    }

    /** The line of the result record, or 0. */
    long line() {
        return result == null ? 0 : result.line();
    }

    String culpritHash() {
        return result == null ? null : result.culpritHash();
    }

    /** The log ends inside its last line, {@code last}: a summary or result line there is incomplete. */
    void lastLineCut(long last) {
        if (summaryLine == last) {
            log.problem(last, "the \"revisions tested\" line is cut");
            revisionsTested = null;
            totalTime = null;
            buildTime = null;
            testTime = null;
        }
    }

    /** The outcome of a bisection of {@code type}; problems for a log without a (complete) result. */
    Outcome outcome(BisectionType type, boolean lastLineTerminated, boolean hasContent) {
        if (result != null && !lastLineTerminated) {
            result.cutAt(log.line());
        }
        Outcome outcome = result == null ? null : result.outcome(type);
        if (outcome != null) {
            return outcome;
        }
        if (summaryLine == 0) {
            if (hasContent) {
                log.problem("no \"revisions tested\" summary: the log has no result"
                        + (lastLineTerminated ? "" : " (its last line is cut)"));
            }
        } else if (result.line() == 0) {
            log.problem(summaryLine, "no result after the \"revisions tested\" summary");
        }
        return Outcome.TRUNCATED;
    }

    /** Problems of a result that lacks its lists; call after {@link #outcome}. */
    void checkComplete() {
        if (result != null) {
            result.checkComplete();
        }
    }

    void into(BisectionReport.Builder report) {
        report.revisionsTested(revisionsTested).totalTime(totalTime).buildTime(buildTime).testTime(testTime)
                .reproducerFlaky(flaky).reproChance(reproChance);
        if (result != null) {
            result.into(report);
        }
    }
}

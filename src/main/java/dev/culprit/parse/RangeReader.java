package dev.culprit.parse;

import dev.culprit.model.BisectionType;
import dev.culprit.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range phase and the fix pre-checks: the releases a cause bisection tests, HEAD and the merge
 * base of a fix bisection, and what validating the range printed. Each of these records closes
 * the open test block; some name the phase of the block that follows.
 */
final class RangeReader {
    private static final Pattern MERGE_BASE = Pattern.compile("^[0-9a-f]{40}/.* is a merge base(, check if it has the bug)?$");
    private static final String REACHABLE = " crashed and is reachable";

    private final LogContext log;
    private final Phases phases;
    private final TestBlockReader tests;
    private final List<String> releasesTested = new ArrayList<>();

    RangeReader(LogContext log, Phases phases, TestBlockReader tests) {
        this.log = log;
        this.phases = phases;
        this.tests = tests;
    }

    static void addRules(LineRules.Builder<LogReading> rules) {
        rules.on("testing release ", (r, line, end) -> r.range.release(line, end))
                .on("testing current HEAD", (r, line, end) -> r.range.head())
                .on("checking the merge base ", (r, line, end) -> r.range.next(Phase.MERGE_BASE))
                .on("picked ", (r, line, end) -> {
                    r.tests.close();
                    r.log.hint(BisectionType.CAUSE);
                })
                .onIf("revision ", (r, line, end) -> r.range.reachable(line))
                .on((r, line, end) -> {
                    r.tests.close();
                    r.log.info(line);
                }, "reproducer does not crash the merge base", "crash still not fixed", "crash still happens",
                        "expected 1 merge base", "HEAD had kernel build, boot or test errors", "fetch failed with ")
                .on((r, line, end) -> r.tests.close(), "determine whether the revision contains the guilty commit",
                        "determining the merge base", "no existing result, test the revision", "the bug was not introduced yet",
                        "fetch other tags");
    }

    /** {@code testing release <tag>}. */
    private void release(String line, int end) {
        tests.close();
        log.hint(BisectionType.CAUSE);
        String tag = line.substring(end).strip();
        phases.nextIsRelease(tag);
        if (releasesTested.size() < Scan.MAX_LIST) {
            releasesTested.add(tag);
        }
    }

    /** {@code testing current HEAD}. */
    private void head() {
        tests.close();
        log.hint(BisectionType.FIX);
        phases.nextIs(Phase.HEAD);
    }

    private void next(Phase phase) {
        tests.close();
        phases.nextIs(phase);
    }

    /** {@code revision <h> crashed and is reachable}: a fix pre-check that needs no test. */
    private boolean reachable(String line) {
        if (!line.endsWith(REACHABLE)) {
            return false;
        }
        tests.close();
        return true;
    }

    /** {@code <h>/<title> is a merge base[, check if it has the bug]}; false for any other line. */
    boolean mergeBase(String line) {
        Matcher m = MERGE_BASE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        tests.close();
        log.hint(BisectionType.FIX);
        log.info(line);
        if (m.group(1) != null) {
            phases.nextIs(Phase.MERGE_BASE);
        }
        return true;
    }

    List<String> releasesTested() {
        return releasesTested;
    }
}

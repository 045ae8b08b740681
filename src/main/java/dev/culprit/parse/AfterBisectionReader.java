package dev.culprit.parse;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Phase;

/**
 * What follows a successful git bisection: the accumulated error probability, the culprit's
 * parent build and the culprit and parent kernel signatures (a no-op culprit has equal ones).
 */
final class AfterBisectionReader {
    /** {@code parent  signature:}, printed with two spaces after {@code parent}. */
    private static final String SIGNATURE = "signature:";
    /** The 2019 form, after the culprit's commit block: {@code kernel signature:} and two or more spaces. */
    private static final int WIDE = 2;

    private final LogContext log;
    private final Phases phases;
    private final TestBlockReader tests;
    private final BisectStepReader steps;
    private String culpritSignature;
    private String parentSignature;
    private Double accumulatedErrorProbability;

    AfterBisectionReader(LogContext log, Phases phases, TestBlockReader tests, BisectStepReader steps) {
        this.log = log;
        this.phases = phases;
        this.tests = tests;
        this.steps = steps;
    }

    static void addRules(LineRules.Builder<LogReading> rules) {
        rules.on("kernel signature:", (r, line, end) -> r.after.kernelSignature(line, end))
                .on("accumulated error probability: ", (r, line, end) -> r.after.errorProbability(line, end))
                .on("culprit signature:", (r, line, end) -> r.after.culpritSignature(line, end))
                .on("parent commit ", (r, line, end) -> r.after.parentCommit())
                .onIf("parent ", (r, line, end) -> r.after.parentSignature(line, end))
                .on("previous signature:", (r, line, end) -> r.after.previousSignature(line, end))
                .on("failed to detect ", (r, line, end) -> {
                    r.tests.close();
                    r.log.info(line);
                });
    }

    /**
     * {@code kernel signature: <hex>}: the signature of the open test block, or, in the 2019 form
     * after git's commit block, the culprit's.
     */
    private void kernelSignature(String line, int end) {
        int i = end;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        boolean wide = i - end >= WIDE;
        String value = line.substring(i).stripTrailing();
        if (value.isEmpty()) {
            log.problem("empty signature");
        }
        if (!wide && tests.takeSignature(value)) {
            return;
        }
        if (wide || !tests.isOpen() && steps.commitBlockSeen()) {
            tests.close();
            culpritSignature = value;
        } else {
            log.problem("kernel signature outside of a \"testing commit\" block");
        }
    }

    private void errorProbability(String line, int end) {
        tests.close();
        accumulatedErrorProbability = log.parseDouble(line.substring(end).strip());
    }

    private void culpritSignature(String line, int end) {
        tests.close();
        culpritSignature = log.hexValue(line.substring(end));
    }

    /** {@code parent commit <h> wasn't tested}: a build-only block of the parent follows. */
    private void parentCommit() {
        tests.close();
        phases.nextIs(Phase.PARENT);
    }

    /** {@code parent  signature: <hex>}. */
    private boolean parentSignature(String line, int end) {
        String rest = line.substring(end).stripLeading();
        if (!rest.startsWith(SIGNATURE)) {
            return false;
        }
        tests.close();
        parentSignature = log.hexValue(rest.substring(SIGNATURE.length()));
        return true;
    }

    private void previousSignature(String line, int end) {
        tests.close();
        parentSignature = log.hexValue(line.substring(end));
    }

    void into(BisectionReport.Builder report) {
        report.culpritSignature(culpritSignature).parentSignature(parentSignature)
                .accumulatedErrorProbability(accumulatedErrorProbability);
    }
}

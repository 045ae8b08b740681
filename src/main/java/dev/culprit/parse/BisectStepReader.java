package dev.culprit.parse;

import dev.culprit.model.BisectStep;
import dev.culprit.model.Commit;
import java.util.ArrayList;
import java.util.List;

/**
 * The git bisection: each {@code # git bisect <command>} with the counts of git's
 * {@code Bisecting:} answer, and git's {@code <h> is the first bad commit} block, read by a
 * {@link CommitBlockReader}.
 */
final class BisectStepReader {
    static final int MAX_STEPS = 5_000;
    private static final String[] COMMANDS = {"good", "bad", "skip", "start"};
    private static final String START = "start";
    private static final int MAX_ARGUMENTS = 16;
    private static final String FIRST_BAD = " is the first bad commit";
    private static final String REVISIONS_LEFT = " revision";
    private static final String ROUGHLY = "(roughly ";

    private final LogContext log;
    private final Phases phases;
    private final TestBlockReader tests;
    private final List<BisectStep> steps = new ArrayList<>();
    private String command;
    private List<String> arguments;
    private Integer revisionsLeft;
    private Integer stepsLeft;
    private long commandLine;
    private boolean stepsCut;
    private CommitBlockReader commitBlock;
    private CommitBlockReader lastCommitBlock;

    BisectStepReader(LogContext log, Phases phases, TestBlockReader tests) {
        this.log = log;
        this.phases = phases;
        this.tests = tests;
    }

    static void addRules(LineRules.Builder<LogReading> rules) {
        rules.onIf("# git bisect ", (r, line, end) -> r.steps.command(line, end))
                .on("Bisecting: ", (r, line, end) -> r.steps.bisecting(line, end));
    }

    /** {@code # git bisect <start|good|bad|skip>[ <revision>...]}. */
    private boolean command(String line, int end) {
        String c = commandAt(line, end);
        if (c == null) {
            return false;
        }
        tests.close();
        closeStep();
        if (c.equals(START)) {
            phases.bisection();
        }
        List<String> revs = new ArrayList<>(2);
        int i = end + c.length() + 1;
        int n = line.length();
        while (i < n && revs.size() < MAX_ARGUMENTS) {
            int next = line.indexOf(' ', i);
            next = next < 0 ? n : next;
            if (next > i) {
                revs.add(line.substring(i, next));
            }
            i = next + 1;
        }
        command = c;
        arguments = revs;
        revisionsLeft = null;
        stepsLeft = null;
        commandLine = log.line();
        return true;
    }

    /** The git bisect command at {@code from} when a space or the end follows it, else null. */
    private static String commandAt(String line, int from) {
        for (String c : COMMANDS) {
            int end = from + c.length();
            if (line.startsWith(c, from) && (end == line.length() || line.charAt(end) == ' ')) {
                return c;
            }
        }
        return null;
    }

    /** {@code Bisecting: <n> revision[s] left to test after this (roughly <m> step[s])}. */
    private void bisecting(String line, int end) {
        tests.close();
        int roughly = line.indexOf(ROUGHLY, end);
        int left = Scan.leadingNumber(line, end);
        if (command != null && left >= 0 && roughly > 0 && line.startsWith(REVISIONS_LEFT, end + Scan.digitCount(line, end))) {
            int m = Scan.leadingNumber(line, roughly + ROUGHLY.length());
            revisionsLeft = left;
            stepsLeft = m >= 0 ? m : null;
        }
    }

    /** Keeps the command being read, with what git answered to it. */
    void closeStep() {
        if (command == null) {
            return;
        }
        if (steps.size() < MAX_STEPS) {
            steps.add(new BisectStep(command, arguments, revisionsLeft, stepsLeft, (int) Math.min(commandLine, Integer.MAX_VALUE)));
        } else if (!stepsCut) {
            stepsCut = true;
            log.problem(commandLine, "more than " + MAX_STEPS + " git bisect steps; the rest are not kept");
        }
        command = null;
    }

    /** {@code <h> is the first bad commit}: git's commit block starts; false for any other line. */
    boolean firstBadCommit(String line) {
        if (line.length() != 40 + FIRST_BAD.length() || !line.endsWith(FIRST_BAD) || !Scan.isHash(line, 0)) {
            return false;
        }
        tests.close();
        closeStep();
        commitBlock = new CommitBlockReader(line.substring(0, 40));
        return true;
    }

    boolean inCommitBlock() {
        return commitBlock != null;
    }

    /** A line while the commit block is open; false when the block ended before it. */
    boolean commitLine(String line) {
        if (commitBlock.accept(line)) {
            return true;
        }
        closeCommitBlock();
        return false;
    }

    void closeCommitBlock() {
        if (commitBlock == null) {
            return;
        }
        if (commitBlock.cut()) {
            log.problem("the commit block of " + commitBlock.hash() + " is longer than what is kept");
        }
        lastCommitBlock = commitBlock;
        commitBlock = null;
    }

    /** The commit git named in its last {@code <h> is the first bad commit} line, or null. */
    String gitCulprit() {
        return lastCommitBlock != null ? lastCommitBlock.hash() : commitBlock != null ? commitBlock.hash() : null;
    }

    /** Whether git printed a first-bad-commit block. */
    boolean commitBlockSeen() {
        return lastCommitBlock != null;
    }

    /**
     * The culprit's commit from git's last block, when it names {@code culpritHash}; a block that
     * names another commit is a problem on {@code resultLine}.
     */
    Commit culprit(String culpritHash, long resultLine) {
        if (culpritHash == null || lastCommitBlock == null) {
            return null;
        }
        if (!lastCommitBlock.hash().equals(culpritHash)) {
            log.problem(resultLine, "git named " + lastCommitBlock.hash() + " the first bad commit, the result names "
                    + culpritHash);
            return null;
        }
        return lastCommitBlock.hasContent() ? lastCommitBlock.build() : null;
    }

    List<BisectStep> steps() {
        return steps;
    }
}

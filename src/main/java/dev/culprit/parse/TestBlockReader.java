package dev.culprit.parse;

import dev.culprit.model.RunVerdict;
import dev.culprit.model.TestedRevision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tested revisions: each {@code testing commit} block with its compiler, kernel signature,
 * build error and run verdicts. A block stays open until a record of another kind closes it.
 */
final class TestBlockReader {
    static final int MAX_REVISIONS = 5_000;
    static final int MAX_VERDICTS = 100_000;
    static final int MAX_SHARED_STRINGS = 4_096;
    /** Past this many verdicts or revisions (an unusually long log), repeated strings are kept once. */
    static final int SHARE_AFTER = 1_000;

    private static final String WITH = " with ";
    private static final String RUN_NUMBER_END = ": ";
    private static final int MAX_RUN_DIGITS = 9;

    private final LogContext log;
    private final Phases phases;
    private final int textLimit;
    private final List<TestedRevision> revisions = new ArrayList<>();
    private final Map<String, String> sharedStrings = new HashMap<>();
    private RevisionBuilder current;
    private long verdictCount;
    private boolean revisionsCut;
    private boolean verdictsCut;
    private String lastCompiler = "";
    private String originalCrashTitle;

    TestBlockReader(LogContext log, Phases phases, int textLimit) {
        this.log = log;
        this.phases = phases;
        this.textLimit = textLimit;
    }

    static void addRules(LineRules.Builder<LogReading> rules) {
        rules.onIf("run #", (r, line, end) -> r.tests.runVerdict(line, end))
                .on("all runs: ", (r, line, end) -> r.tests.verdict(RunVerdict.ALL_RUNS, line, end))
                .onIf("testing commit ", (r, line, end) -> r.tests.testingCommit(line, end))
                .onIf("compiler: ", (r, line, end) -> r.tests.compilerLine(line, end))
                .onIf("failed building ", (r, line, end) -> r.tests.failedBuilding(line, end))
                .onIf("failed: ", (r, line, end) -> r.tests.blockVerdict(RunVerdict.Kind.OTHER, line, end))
                .onIf("repro testing failure: ", (r, line, end) -> r.tests.blockVerdict(RunVerdict.Kind.INFRA, line, end))
                .on((r, line, end) -> r.tests.inBlock(), "representative crash: ", "false negative chance: ",
                        "too many neither good nor bad results", "unable to determine the verdict");
    }

    /** {@code run #<n>: <verdict>}. */
    private boolean runVerdict(String line, int end) {
        int colon = line.indexOf(RUN_NUMBER_END, end);
        if (colon > end && colon - end <= MAX_RUN_DIGITS && Scan.digits(line, end, colon)) {
            verdict(Integer.parseInt(line, end, colon, 10), line, colon + RUN_NUMBER_END.length());
            return true;
        }
        return false;
    }

    /** {@code testing commit <h>[ with <compiler>| <compiler type>]}. */
    private boolean testingCommit(String line, int end) {
        int hashEnd = end + 40;
        if (!Scan.isHash(line, end) || line.length() != hashEnd && line.charAt(hashEnd) != ' ') {
            return false;
        }
        String compiler = null;
        if (line.startsWith(WITH, hashEnd)) {
            compiler = compilerName(line, hashEnd + WITH.length());
            lastCompiler = compiler;
        }
        start(line.substring(end, hashEnd), compiler);
        return true;
    }

    /** {@code compiler: <name>} inside a block, before its verdicts. */
    private boolean compilerLine(String line, int end) {
        if (current == null || current.state != RevisionBuilder.State.DETAILS) {
            return false;
        }
        current.compiler = compilerName(line, end);
        lastCompiler = current.compiler;
        return true;
    }

    /** The compiler named from {@code from} on; in a long log, one copy of each. */
    private String compilerName(String line, int from) {
        return revisions.size() < SHARE_AFTER ? line.substring(from) : Scan.sameOrCopy(line, from, lastCompiler);
    }

    /** {@code failed building <h>: <error>}: the build error of the open block. */
    private boolean failedBuilding(String line, int end) {
        if (current == null) {
            return false;
        }
        int colon = line.indexOf(": ", end);
        current.startBuildError(colon >= 0 ? line.substring(colon + 2) : line.substring(end));
        return true;
    }

    /** A verdict for all runs of the open block, its text after the prefix. */
    private boolean blockVerdict(RunVerdict.Kind kind, String line, int end) {
        if (current == null) {
            return false;
        }
        addVerdict(new RunVerdict(RunVerdict.ALL_RUNS, kind, line.substring(end)));
        return true;
    }

    private void start(String hash, String compiler) {
        close();
        Phases.Start phase = phases.startBlock();
        current = new RevisionBuilder(hash, phase.phase(), phase.release(), compiler, log.line(), textLimit);
    }

    /** A record that belongs to the open block, after its verdicts. */
    void inBlock() {
        if (current != null && current.state != RevisionBuilder.State.VERDICTS) {
            current.state = RevisionBuilder.State.VERDICTS;
        }
    }

    /** Whether no block is open and none was read yet. */
    boolean noneYet() {
        return current == null && revisions.isEmpty();
    }

    boolean isOpen() {
        return current != null;
    }

    /** Gives the open block its kernel signature while it is still in its details; false otherwise. */
    boolean takeSignature(String value) {
        if (current != null && current.state == RevisionBuilder.State.DETAILS && current.signature == null) {
            current.signature = value;
            return true;
        }
        return false;
    }

    /** A line that is no record of its own: the continuation of a multi-line record. */
    void continuation(String line) {
        if (current == null) {
            return;
        }
        if (current.state == RevisionBuilder.State.DETAILS) {
            current.startBuildError(line);
        } else if (current.state == RevisionBuilder.State.BUILD_ERROR) {
            current.appendBuildError(line);
        }
    }

    private void verdict(int run, String line, int from) {
        if (current == null) {
            log.problem("verdict outside of a \"testing commit\" block");
            return;
        }
        List<RunVerdict> vs = current.verdicts;
        // past the first verdicts, repeated titles are kept once (bounded memory for huge logs)
        boolean share = verdictCount >= SHARE_AFTER;
        RunVerdict v = Verdicts.read(run, line, from, share && !vs.isEmpty() ? vs.get(vs.size() - 1) : null);
        if (share && !v.detail().isEmpty()) {
            v = new RunVerdict(v.run(), v.kind(), shared(v.detail()));
        }
        addVerdict(v);
    }

    /**
     * The same crash title is printed hundreds of times; past the first thousand verdicts (an
     * unusually long log) keep one copy of each.
     */
    private String shared(String s) {
        String known = sharedStrings.get(s);
        if (known != null) {
            return known;
        }
        if (sharedStrings.size() < MAX_SHARED_STRINGS) {
            sharedStrings.put(s, s);
        }
        return s;
    }

    private void addVerdict(RunVerdict v) {
        current.state = RevisionBuilder.State.VERDICTS;
        if (verdictCount >= MAX_VERDICTS) {
            if (!verdictsCut) {
                verdictsCut = true;
                log.problem("more than " + MAX_VERDICTS + " run verdicts; the rest are not kept");
            }
            return;
        }
        verdictCount++;
        current.verdicts.add(v);
    }

    /** Ends the open block, if any, and keeps it. */
    void close() {
        if (current == null) {
            return;
        }
        TestedRevision r = current.build();
        current = null;
        if (revisions.isEmpty() && originalCrashTitle == null) {
            for (RunVerdict v : r.verdicts()) {
                if (v.kind() == RunVerdict.Kind.CRASHED) {
                    originalCrashTitle = v.detail();
                    break;
                }
            }
        }
        if (revisions.size() < MAX_REVISIONS) {
            revisions.add(r);
        } else if (!revisionsCut) {
            revisionsCut = true;
            log.problem(r.line(), "more than " + MAX_REVISIONS + " tested revisions; the rest are not kept");
        }
    }

    List<TestedRevision> revisions() {
        return revisions;
    }

    /** The first crash title of the first block: the crash on the original commit. */
    String originalCrashTitle() {
        return originalCrashTitle;
    }
}

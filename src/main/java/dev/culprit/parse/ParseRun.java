package dev.culprit.parse;

import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Commit;
import dev.culprit.model.Crash;
import dev.culprit.model.Minimization;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.TestedRevision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one parse: fed one line at a time, in order, then asked for the result. Every
 * collection it keeps is capped, so memory stays bounded whatever the input.
 *
 * <p>The log is read in two parts. Before the last {@code revisions tested:} line (the summary) it
 * is a sequence of records: header, test blocks, minimization, range phase and git bisection. What
 * follows the summary is the result, whose last element (error text, crash report, candidate
 * list) runs to the end of the log.
 */
final class ParseRun {
    static final int MAX_REVISIONS = 5_000;
    static final int MAX_VERDICTS = 100_000;
    static final int MAX_STEPS = 5_000;
    static final int MAX_LIST = 10_000;
    static final int MAX_INFO_LINES = 1_000;
    static final int MAX_SHARED_STRINGS = 4_096;
    static final int SHARE_AFTER = 1_000;

    static final String SUMMARY_PREFIX = "revisions tested: ";
    private static final String HEX40 = "[0-9a-f]{40}";
    private static final Pattern HOST_LINE = Pattern.compile("^(.+) starts bisection (.+)$");
    private static final Pattern BISECTING = Pattern.compile("^bisecting (cause|fixing) commit (?:starting from|since) (\\S+)");
    private static final String[] GIT_COMMANDS = {"good", "bad", "skip", "start"};
    private static final Pattern MERGE_BASE = Pattern.compile("^(" + HEX40 + ")/.* is a merge base(, check if it has the bug)?$");
    private static final Pattern SUMMARY = Pattern.compile(
            "^revisions tested: (\\d+), total time: (\\S+)(?: \\(build: (\\S+), test: (\\S+)\\))?\\s*$");
    private static final Pattern SUMMARY_COUNT = Pattern.compile("^revisions tested: (\\d+)");
    private static final Pattern FIRST_COMMIT = Pattern.compile("^first (bad|good) commit: (" + HEX40 + ")(?: (.*))?$");
    private static final Pattern INCONCLUSIVE = Pattern.compile("^bisection is inconclusive, the first (bad|good) commit could be any of:?\\s*$");
    private static final Pattern HASH_LINE = Pattern.compile("^(" + HEX40 + ")(?:\\s.*)?$");
    private static final Pattern FLAKY_ESTIMATE = Pattern.compile("^reproducer is flaky \\(([0-9.]+) repro chance estimate\\)");
    private static final Pattern KCONFIG = Pattern.compile("^kconfig minimization: base=(\\d+) full=(\\d+) (?:leaves )?diff=(\\d+)");
    private static final Pattern MINIMIZED_TO = Pattern.compile("^minimized to (\\d+) configs(?:; suspects: (.*))?$");
    private static final Pattern DISABLING = Pattern.compile("^disabling configs for (\\[.*\\])(?:, they are not needed)?$");

    private enum Mode { BODY, COMMIT, RESULT, ERROR_TEXT, CRASH_REPORT }

    private enum ResultKind { NONE, ERROR, CULPRIT, INCONCLUSIVE, NOT_FOUND }

    private final int crashReportLimit;
    private final int textLimit;
    private final Problems problems = new Problems();
    private final Map<String, String> sharedStrings = new HashMap<>();

    private Mode mode = Mode.BODY;
    private long lineNo;
    private long contentLines;

    // header
    private String host;
    private String startTime;
    private String startCommit;
    private String syzkallerCommit;
    private BisectionType headerType;
    private BisectionType hintType;
    private boolean headerSeen;
    private long headerLine;
    private long hostLine;

    // revisions
    private final List<TestedRevision> revisions = new ArrayList<>();
    private RevisionBuilder current;
    private long verdictCount;
    private boolean revisionsCut;
    private boolean verdictsCut;
    private String basePhase = "original";
    private String lastCompiler = "";
    private String nextPhase;
    private String nextRelease;
    private String originalCrashTitle;
    private final List<String> releasesTested = new ArrayList<>();

    // git bisection
    private final List<BisectStep> steps = new ArrayList<>();
    private String stepCommand;
    private List<String> stepRevisions;
    private Integer stepLeft;
    private Integer stepSteps;
    private long stepLine;
    private boolean stepsCut;

    // culprit block and post-bisection
    private CommitBlockReader commitBlock;
    private CommitBlockReader lastCommitBlock;
    private String culpritSignature;
    private String parentSignature;
    private boolean flaky;
    private Double reproChance;
    private Double accumulatedErrorProbability;
    private final List<String> infoLines = new ArrayList<>();

    // minimization
    private boolean minimizationSeen;
    private Integer minBase;
    private Integer minFull;
    private Integer minDiff;
    private Integer minimizedTo;
    private List<String> suspects = List.of();
    private List<String> dropped = List.of();
    private List<String> pendingDisabled = List.of();
    private String minOutcome;

    // summary and result
    private long summaryLine;
    private Integer revisionsTested;
    private String totalTime;
    private String buildTime;
    private String testTime;
    private ResultKind resultKind = ResultKind.NONE;
    private long resultLine;
    private BisectionType resultType;
    private String culpritHash;
    private String culpritTitle;
    private List<String> to;
    private List<String> cc;
    private List<String> inconclusive;
    private String notFoundTitle;
    private String crashTitle;
    private BoundedText crashReport;
    private BoundedText errorText;

    ParseRun(int crashReportLimit, int textLimit) {
        this.crashReportLimit = crashReportLimit;
        this.textLimit = textLimit;
    }

    void problem(long line, String message) {
        problems.add(line, message);
    }

    /**
     * Where the next lines go when they are only text to keep (an error message or a crash
     * report running to the end of the log), or null when every line must be read as a record.
     * The caller may append such lines itself and report them with {@link #skipped(long)}, except
     * a line that starts with {@link #SUMMARY_PREFIX}.
     */
    BoundedText textSink() {
        return mode == Mode.ERROR_TEXT ? errorText : mode == Mode.CRASH_REPORT ? crashReport : null;
    }

    /** A line that the caller appended to {@link #textSink()}. */
    void skipped(long number) {
        lineNo = number;
        contentLines++;
    }

    /** Takes the next line of the log (without its line end). */
    void accept(String line, long number) {
        lineNo = number;
        if (!line.isEmpty()) {
            contentLines++;
        }
        if (line.startsWith(SUMMARY_PREFIX)) {
            summary(line);
            return;
        }
        switch (mode) {
            case COMMIT -> {
                if (commitBlock.accept(line)) {
                    return;
                }
                endCommitBlock();
                body(line);
            }
            case BODY -> body(line);
            case RESULT -> result(line);
            case ERROR_TEXT -> errorText.appendLine(line);
            case CRASH_REPORT -> crashReport.appendLine(line);
            default -> throw new IllegalStateException("mode " + mode);
        }
    }

    // ---------------------------------------------------------------- body: records before the summary

    private void body(String line) {
        if (line.isEmpty()) {
            return;
        }
        boolean handled = switch (line.charAt(0)) {
            case 'r' -> recordR(line);
            case 'a' -> recordA(line);
            case 'k' -> recordK(line);
            case 'c' -> recordC(line);
            case 't' -> recordT(line);
            case 'f' -> recordF(line);
            case 'p' -> recordP(line);
            case '#' -> recordHash(line);
            case 'B' -> recordUpperB(line);
            case 'b' -> recordB(line);
            case 'R' -> recordUpperR(line);
            case 'm' -> recordM(line);
            case 'M' -> recordUpperM(line);
            case 'd' -> recordD(line);
            case 'e' -> recordE(line);
            case 'u' -> recordU(line);
            case 'o' -> recordO(line);
            case 'n' -> recordN(line);
            case 's' -> recordS(line);
            case 'w' -> recordW(line);
            case 'H' -> recordUpperH(line);
            default -> false;
        };
        if (handled) {
            return;
        }
        char c0 = line.charAt(0);
        if ((c0 >= '0' && c0 <= '9' || c0 >= 'a' && c0 <= 'f') && hexRecord(line)) {
            return;
        }
        if (!headerSeen && current == null && revisions.isEmpty() && host == null) {
            Matcher m = HOST_LINE.matcher(line);
            if (m.matches()) {
                host = m.group(1);
                startTime = m.group(2);
                hostLine = lineNo;
                return;
            }
        }
        unrecognized(line);
    }

    private boolean recordR(String line) {
        if (line.startsWith("run #")) {
            // run #<n>: <verdict>
            int colon = line.indexOf(": ", 5);
            if (colon > 5 && colon <= 14 && digits(line, 5, colon)) {
                verdict(Integer.parseInt(line, 5, colon, 10), line, colon + 2);
                return true;
            }
        } else if (line.startsWith("representative crash: ")) {
            inBlock();
            return true;
        } else if (line.startsWith("reproducer seems to be flaky")) {
            flaky = true;
            inBlock();
            return true;
        } else if (line.startsWith("reproducer is flaky")) {
            endBlock();
            flaky = true;
            Matcher m = FLAKY_ESTIMATE.matcher(line);
            if (m.find()) {
                reproChance = parseDouble(m.group(1));
            }
            return true;
        } else if (line.startsWith("repro testing failure: ")) {
            if (current != null) {
                addVerdict(new RunVerdict(RunVerdict.ALL_RUNS, RunVerdict.Kind.INFRA, line.substring(23)));
                return true;
            }
        } else if (line.startsWith("rewritten commit ")) {
            endBlock();
            info(line);
            return true;
        } else if (line.startsWith("resulting configs: ")) {
            endBlock();
            minimization();
            List<String> l = GoLists.parsePlain(line.substring(19));
            if (l != null) {
                suspects = capped(l);
            }
            minOutcome = "resulting configs";
            return true;
        } else if (line.startsWith("revision ") && line.endsWith(" crashed and is reachable")) {
            endBlock();
            return true;
        } else if (line.startsWith("reproducer does not crash the merge base")) {
            endBlock();
            info(line);
            return true;
        }
        return false;
    }

    private boolean recordA(String line) {
        if (line.startsWith("all runs: ")) {
            verdict(RunVerdict.ALL_RUNS, line, 10);
            return true;
        }
        if (line.startsWith("accumulated error probability: ")) {
            endBlock();
            accumulatedErrorProbability = parseDouble(line.substring(31).strip());
            return true;
        }
        return false;
    }

    private boolean recordK(String line) {
        if (line.startsWith("kernel signature:")) {
            signature(line);
            return true;
        }
        if (line.startsWith("kconfig minimization: ")) {
            endBlock();
            minimization();
            Matcher m = KCONFIG.matcher(line);
            if (m.find()) {
                minBase = parseInt(m.group(1));
                minFull = parseInt(m.group(2));
                minDiff = parseInt(m.group(3));
            }
            return true;
        }
        return false;
    }

    private boolean recordC(String line) {
        if (line.startsWith("compiler: ")) {
            if (current != null && current.state == RevisionBuilder.State.DETAILS) {
                current.compiler = compiler(line, 10);
                lastCompiler = current.compiler;
                return true;
            }
        } else if (line.startsWith("culprit signature:")) {
            endBlock();
            culpritSignature = hexValue(line.substring(18));
            return true;
        } else if (line.startsWith("check whether we can drop unnecessary instrumentation")) {
            endBlock();
            minimization();
            return true;
        } else if (line.startsWith("checking the merge base ")) {
            endBlock();
            nextPhase = "merge-base";
            return true;
        } else if (line.startsWith("config minimization failed")) {
            endBlock();
            minimization();
            minOutcome = line;
            info(line);
            return true;
        } else if (line.startsWith("crash reproduces with baseline config")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        } else if (line.startsWith("crash still not fixed") || line.startsWith("crash still happens")) {
            endBlock();
            info(line);
            return true;
        }
        return false;
    }

    private boolean recordT(String line) {
        if (line.startsWith("testing commit ")) {
            // testing commit <h>[ with <compiler>| <compiler type>]
            if (isHash(line, 15) && (line.length() == 55 || line.charAt(55) == ' ')) {
                String compiler = null;
                if (line.startsWith(" with ", 55)) {
                    compiler = compiler(line, 61);
                    lastCompiler = compiler;
                }
                startRevision(line.substring(15, 55), compiler);
                return true;
            }
        } else if (line.startsWith("testing release ")) {
            endBlock();
            hint(BisectionType.CAUSE);
            String tag = line.substring(16).strip();
            nextPhase = "release";
            nextRelease = tag;
            if (releasesTested.size() < MAX_LIST) {
                releasesTested.add(tag);
            }
            return true;
        } else if (line.startsWith("testing current HEAD")) {
            endBlock();
            hint(BisectionType.FIX);
            nextPhase = "head";
            return true;
        } else if (line.startsWith("trying half: ") || line.startsWith("testing without sub-chunk")) {
            endBlock();
            minimization();
            return true;
        } else if (line.startsWith("testing baseline config failed")
                || line.startsWith("testing with generated minimized config")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        } else if (line.startsWith("the bug reproduces without the instrumentation")) {
            endBlock();
            minimization();
            dropped = pendingDisabled;
            minOutcome = line;
            return true;
        } else if (line.startsWith("there was nothing we could disable")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        } else if (line.startsWith("the chunk can be dropped")) {
            endBlock();
            return true;
        } else if (line.startsWith("too many neither good nor bad results")) {
            inBlock();
            return true;
        } else if (line.startsWith("the bug was not introduced yet")) {
            endBlock();
            return true;
        }
        return false;
    }

    private boolean recordF(String line) {
        if (line.startsWith("false negative chance: ")) {
            inBlock();
            return true;
        }
        if (line.startsWith("failed building ")) {
            if (current != null) {
                int colon = line.indexOf(": ", 16);
                current.startBuildError(colon >= 0 ? line.substring(colon + 2) : line.substring(16));
                return true;
            }
        } else if (line.startsWith("failed: ")) {
            if (current != null) {
                addVerdict(new RunVerdict(RunVerdict.ALL_RUNS, RunVerdict.Kind.OTHER, line.substring(8)));
                return true;
            }
        } else if (line.startsWith("failed to detect ")) {
            endBlock();
            info(line);
            return true;
        } else if (line.startsWith("fetch failed with ")) {
            endBlock();
            info(line);
            return true;
        } else if (line.startsWith("fetch other tags")) {
            endBlock();
            return true;
        }
        return false;
    }

    private boolean recordP(String line) {
        if (line.startsWith("parent commit ")) {
            endBlock();
            nextPhase = "parent";
            return true;
        }
        if (line.startsWith("parent ") && line.substring(7).stripLeading().startsWith("signature:")) {
            endBlock();
            String rest = line.substring(7).stripLeading();
            parentSignature = hexValue(rest.substring(10));
            return true;
        }
        if (line.startsWith("previous signature:")) {
            endBlock();
            parentSignature = hexValue(line.substring(19));
            return true;
        }
        if (line.startsWith("picked ")) {
            endBlock();
            hint(BisectionType.CAUSE);
            return true;
        }
        if (line.startsWith("proceeding with the original config")) {
            endBlock();
            return true;
        }
        return false;
    }

    private boolean recordHash(String line) {
        if (line.startsWith("# git bisect ")) {
            // # git bisect <start|good|bad|skip>[ <revision>...]
            String command = gitCommand(line, 13);
            if (command != null) {
                int end = 13 + command.length();
                gitStep(command, line, end + 1);
                return true;
            }
        } else if (line.startsWith("# found config option changes ")) {
            endBlock();
            minimization();
            List<String> l = GoLists.parsePlain(line.substring(30));
            if (l != null) {
                suspects = capped(l);
            }
            return true;
        } else if (line.startsWith("# configuration already minimized")
                || line.startsWith("# testing with generated minimized config")) {
            endBlock();
            minimization();
            minOutcome = line.substring(2);
            return true;
        } else if (line.startsWith("# start config bisection") || line.startsWith("# using config_bisect")
                || line.startsWith("# config")) {
            endBlock();
            minimization();
            return true;
        }
        return false;
    }

    private boolean recordUpperB(String line) {
        if (line.startsWith("Bisecting: ")) {
            endBlock();
            // Bisecting: <n> revision[s] left to test after this (roughly <m> step[s])
            int roughly = line.indexOf("(roughly ", 11);
            int left = leadingNumber(line, 11);
            if (stepCommand != null && left >= 0 && roughly > 0 && line.startsWith(" revision", 11 + digitCount(line, 11))) {
                int steps = leadingNumber(line, roughly + 9);
                stepLeft = left;
                stepSteps = steps >= 0 ? steps : null;
            }
            return true;
        }
        return false;
    }

    private boolean recordB(String line) {
        if (line.startsWith("bisecting ")) {
            Matcher m = BISECTING.matcher(line);
            if (m.find()) {
                header(m);
                return true;
            }
        } else if (line.startsWith("building syzkaller on ")) {
            if (syzkallerCommit == null) {
                syzkallerCommit = line.substring(21).strip();
            }
            return true;
        } else if (line.startsWith("base config crashes") || line.startsWith("both halves did not crash")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        }
        return false;
    }

    private boolean recordUpperR(String line) {
        if (line.startsWith("Reproducer flagged being flaky")) {
            endBlock();
            flaky = true;
            return true;
        }
        return false;
    }

    private boolean recordM(String line) {
        if (line.startsWith("minimized to ")) {
            endBlock();
            minimization();
            Matcher m = MINIMIZED_TO.matcher(line);
            if (m.matches()) {
                minimizedTo = parseInt(m.group(1));
                minOutcome = "minimized to " + m.group(1) + " configs";
                if (m.group(2) != null) {
                    List<String> l = GoLists.parsePlain(m.group(2));
                    if (l != null) {
                        suspects = capped(l);
                    }
                }
            }
            return true;
        }
        if (line.startsWith("minimizing config failed")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        }
        return false;
    }

    private boolean recordUpperM(String line) {
        if (line.startsWith("Minimizing config failed")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        }
        return false;
    }

    private boolean recordD(String line) {
        if (line.startsWith("disabling configs for ")) {
            endBlock();
            Matcher m = DISABLING.matcher(line);
            if (m.matches()) {
                List<String> l = GoLists.parsePlain(m.group(1));
                pendingDisabled = l == null ? List.of() : capped(l);
            }
            return true;
        }
        if (line.startsWith("determine whether the revision contains the guilty commit")
                || line.startsWith("determining the merge base")) {
            endBlock();
            return true;
        }
        return false;
    }

    private boolean recordE(String line) {
        if (line.startsWith("ensuring issue is reproducible")) {
            endBlock();
            return true;
        }
        if (line.startsWith("expected 1 merge base")) {
            endBlock();
            info(line);
            return true;
        }
        return false;
    }

    private boolean recordU(String line) {
        if (line.startsWith("unable to determine the verdict")) {
            inBlock();
            return true;
        }
        if (line.startsWith("unable to test using baseline config")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        }
        return false;
    }

    private boolean recordO(String line) {
        if (line.startsWith("only full config crashes")) {
            endBlock();
            minimization();
            minOutcome = line;
            return true;
        }
        return false;
    }

    private boolean recordN(String line) {
        if (line.startsWith("no existing result, test the revision")
                || line.startsWith("no way to further split")
                || line.startsWith("no need to test this chunk")) {
            endBlock();
            return true;
        }
        return false;
    }

    private boolean recordS(String line) {
        if (line.startsWith("split chunk")) {
            endBlock();
            minimization();
            return true;
        }
        return false;
    }

    private boolean recordW(String line) {
        if (line.startsWith("we have reached the limit on predicate runs")) {
            endBlock();
            minimization();
            return true;
        }
        return false;
    }

    private boolean recordUpperH(String line) {
        if (line.startsWith("HEAD had kernel build, boot or test errors")) {
            endBlock();
            info(line);
            return true;
        }
        return false;
    }

    /** {@code <h> is the first bad commit} and {@code <h>/<title> is a merge base}. */
    private boolean hexRecord(String line) {
        if (line.length() < 41 || line.charAt(40) != ' ' && line.charAt(40) != '/') {
            return false;
        }
        if (line.charAt(40) == ' ') {
            if (line.length() == 64 && line.endsWith(" is the first bad commit") && isHash(line, 0)) {
                endBlock();
                endStep();
                commitBlock = new CommitBlockReader(line.substring(0, 40));
                mode = Mode.COMMIT;
                return true;
            }
            return false;
        }
        Matcher m = MERGE_BASE.matcher(line);
        if (m.matches()) {
            endBlock();
            hint(BisectionType.FIX);
            info(line);
            if (m.group(2) != null) {
                nextPhase = "merge-base";
            }
            return true;
        }
        return false;
    }

    /** A line that is no record of its own: the continuation of a multi-line record. */
    private void unrecognized(String line) {
        if (current == null) {
            return;
        }
        if (current.state == RevisionBuilder.State.DETAILS) {
            current.startBuildError(line);
        } else if (current.state == RevisionBuilder.State.BUILD_ERROR) {
            current.appendBuildError(line);
        }
    }

    private void header(Matcher m) {
        BisectionType t = m.group(1).equals("cause") ? BisectionType.CAUSE : BisectionType.FIX;
        if (headerSeen) {
            problem(lineNo, "a second \"bisecting\" line; the first one is kept");
            return;
        }
        headerSeen = true;
        headerLine = lineNo;
        headerType = t;
        String start = m.group(2);
        if (start.matches(HEX40)) {
            startCommit = start;
        } else if (start.matches("[0-9a-f]{1,39}")) {
            // a hash cut short (the log was cut inside this line): naming it would name another commit
            problem(lineNo, "start commit is cut short: " + start);
        } else {
            startCommit = start;
            problem(lineNo, "start commit is not a 40-hex hash: " + start);
        }
    }

    private void hint(BisectionType t) {
        if (hintType == null) {
            hintType = t;
        }
    }

    private void info(String line) {
        if (infoLines.size() < MAX_INFO_LINES) {
            infoLines.add(line);
        }
    }

    private void minimization() {
        minimizationSeen = true;
        if ("original".equals(basePhase) || "minimization".equals(basePhase)) {
            basePhase = "minimization";
        }
    }

    // ---------------------------------------------------------------- test blocks

    private void startRevision(String hash, String compiler) {
        endBlock();
        String phase = nextPhase != null ? nextPhase : basePhase;
        String release = "release".equals(phase) ? nextRelease : null;
        nextPhase = null;
        nextRelease = null;
        if ("original".equals(basePhase)) {
            basePhase = "minimization";
        }
        current = new RevisionBuilder(hash, phase, release, compiler, lineNo, textLimit);
    }

    /** A line that belongs to the current block (after its verdicts). */
    private void inBlock() {
        if (current != null && current.state != RevisionBuilder.State.VERDICTS) {
            current.state = RevisionBuilder.State.VERDICTS;
        }
    }

    private void signature(String line) {
        int i = 17;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        boolean wide = i - 17 >= 2;
        String value = line.substring(i).stripTrailing();
        if (value.isEmpty()) {
            problem(lineNo, "empty signature");
        }
        if (!wide && current != null && current.state == RevisionBuilder.State.DETAILS && current.signature == null) {
            current.signature = value;
            return;
        }
        if (wide || current == null && lastCommitBlock != null) {
            // the 2019 form after the culprit's commit block: "kernel signature:   <hex>"
            endBlock();
            culpritSignature = value;
        } else {
            problem(lineNo, "kernel signature outside of a \"testing commit\" block");
        }
    }

    private void verdict(int run, String line, int from) {
        if (current == null) {
            problem(lineNo, "verdict outside of a \"testing commit\" block");
            return;
        }
        List<RunVerdict> vs = current.verdicts;
        // past the first verdicts, repeated titles are kept once (bounded memory for huge logs)
        boolean share = verdictCount >= SHARE_AFTER;
        RunVerdict v = toVerdict(run, line, from, share && !vs.isEmpty() ? vs.get(vs.size() - 1) : null);
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
                problem(lineNo, "more than " + MAX_VERDICTS + " run verdicts; the rest are not kept");
            }
            return;
        }
        verdictCount++;
        current.verdicts.add(v);
    }

    /** {@code all runs: OK} and {@code run #0: OK} .. {@code run #39: OK}: values, so shared. */
    private static final RunVerdict[] OK_VERDICTS = new RunVerdict[41];

    static {
        for (int i = 0; i < OK_VERDICTS.length; i++) {
            OK_VERDICTS[i] = new RunVerdict(i - 1, RunVerdict.Kind.OK, "");
        }
    }

    /** Reads the verdict string that starts at {@code from} ({@code OK}, {@code crashed: <title>}, ...). */
    static RunVerdict toVerdict(int run, String line, int from) {
        return toVerdict(run, line, from, null);
    }

    /**
     * As {@link #toVerdict(int, String, int)}; when the detail equals {@code previous} (runs of the
     * same revision usually crash the same way) that string is reused instead of a new copy.
     */
    private static RunVerdict toVerdict(int run, String line, int from, RunVerdict previous) {
        RunVerdict.Kind kind = RunVerdict.Kind.OTHER;
        int detail = from;
        if (from < line.length()) {
            switch (line.charAt(from)) {
                case 'O' -> {
                    if (line.length() - from == 2 && line.charAt(from + 1) == 'K') {
                        return run >= -1 && run < OK_VERDICTS.length - 1 ? OK_VERDICTS[run + 1]
                                : new RunVerdict(run, RunVerdict.Kind.OK, "");
                    }
                }
                case 'c' -> {
                    if (line.startsWith("crashed: ", from)) {
                        kind = RunVerdict.Kind.CRASHED;
                        detail = from + 9;
                    }
                }
                case 'b' -> {
                    if (line.startsWith("boot failed: ", from)) {
                        kind = RunVerdict.Kind.BOOT_FAILED;
                        detail = from + 13;
                    } else if (line.startsWith("basic kernel testing failed: ", from)) {
                        kind = RunVerdict.Kind.TEST_FAILED;
                        detail = from + 29;
                    }
                }
                case 'i' -> {
                    if (line.startsWith("infra problem: ", from)) {
                        kind = RunVerdict.Kind.INFRA;
                        detail = from + 15;
                    } else if (line.startsWith("ignore: ", from)) {
                        kind = RunVerdict.Kind.IGNORE;
                        detail = from + 8;
                    }
                }
                case 'f' -> {
                    if (line.startsWith("failed building ", from)) {
                        kind = RunVerdict.Kind.BUILD_FAILED;
                        detail = from + 16;
                    } else if (line.startsWith("failed: ", from)) {
                        detail = from + 8;
                    }
                }
                default -> {
                    // any other text is kept whole as an OTHER verdict
                }
            }
        }
        String text;
        int len = line.length() - detail;
        if (previous != null && previous.kind() == kind && previous.detail().length() == len
                && line.regionMatches(detail, previous.detail(), 0, len)) {
            text = previous.detail();
        } else {
            text = line.substring(detail);
        }
        return new RunVerdict(run, kind, text);
    }

    private void endBlock() {
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
            problem(r.line(), "more than " + MAX_REVISIONS + " tested revisions; the rest are not kept");
        }
    }

    // ---------------------------------------------------------------- git bisection

    /** {@code # git bisect <command> <revision>...}; the revisions start at {@code from}. */
    private void gitStep(String command, String line, int from) {
        endBlock();
        endStep();
        if (command.equals("start")) {
            basePhase = "bisect";
        }
        List<String> revs = new ArrayList<>(2);
        int i = from;
        int n = line.length();
        while (i < n && revs.size() < 16) {
            int end = line.indexOf(' ', i);
            end = end < 0 ? n : end;
            if (end > i) {
                revs.add(line.substring(i, end));
            }
            i = end + 1;
        }
        stepCommand = command;
        stepRevisions = revs;
        stepLeft = null;
        stepSteps = null;
        stepLine = lineNo;
    }

    private void endStep() {
        if (stepCommand == null) {
            return;
        }
        if (steps.size() < MAX_STEPS) {
            steps.add(new BisectStep(stepCommand, stepRevisions, stepLeft, stepSteps, (int) Math.min(stepLine, Integer.MAX_VALUE)));
        } else if (!stepsCut) {
            stepsCut = true;
            problem(stepLine, "more than " + MAX_STEPS + " git bisect steps; the rest are not kept");
        }
        stepCommand = null;
    }

    private void endCommitBlock() {
        if (commitBlock.cut()) {
            problem(lineNo, "the commit block of " + commitBlock.hash() + " is longer than what is kept");
        }
        lastCommitBlock = commitBlock;
        commitBlock = null;
        mode = Mode.BODY;
    }

    // ---------------------------------------------------------------- summary and result

    private void summary(String line) {
        if (mode == Mode.COMMIT) {
            endCommitBlock();
        }
        endBlock();
        endStep();
        Matcher m = SUMMARY.matcher(line);
        if (summaryLine > 0) {
            problem(lineNo, "another \"revisions tested\" line; the result is read after this one (the first was on line "
                    + summaryLine + ")");
        }
        summaryLine = lineNo;
        resultKind = ResultKind.NONE;
        resultLine = 0;
        resultType = null;
        culpritHash = null;
        culpritTitle = null;
        to = null;
        cc = null;
        inconclusive = null;
        notFoundTitle = null;
        crashTitle = null;
        crashReport = null;
        errorText = null;
        if (m.matches()) {
            revisionsTested = parseInt(m.group(1));
            totalTime = m.group(2);
            buildTime = m.group(3);
            testTime = m.group(4);
        } else {
            problem(lineNo, "summary line not in the form \"revisions tested: N, total time: D (build: D, test: D)\": "
                    + abbreviate(line));
            Matcher count = SUMMARY_COUNT.matcher(line);
            revisionsTested = count.find() ? parseInt(count.group(1)) : null;
            totalTime = null;
            buildTime = null;
            testTime = null;
        }
        mode = Mode.RESULT;
    }

    private void result(String line) {
        if (line.isEmpty()) {
            return;
        }
        switch (resultKind) {
            case NONE -> resultStart(line);
            case CULPRIT -> afterCulprit(line);
            case INCONCLUSIVE -> {
                Matcher m = HASH_LINE.matcher(line);
                if (m.matches()) {
                    if (inconclusive.size() < MAX_LIST) {
                        inconclusive.add(m.group(1));
                    }
                } else {
                    problem(lineNo, "not a commit hash in the inconclusive list: " + abbreviate(line));
                }
            }
            case NOT_FOUND -> afterNotFound(line);
            default -> problem(lineNo, "unexpected line after the result: " + abbreviate(line));
        }
    }

    private void resultStart(String line) {
        resultLine = lineNo;
        if (line.startsWith("error:")) {
            resultKind = ResultKind.ERROR;
            errorText = new BoundedText(textLimit);
            errorText.appendLine(line.startsWith("error: ") ? line.substring(7) : line.substring(6));
            mode = Mode.ERROR_TEXT;
            return;
        }
        Matcher m = FIRST_COMMIT.matcher(line);
        if (m.matches()) {
            resultKind = ResultKind.CULPRIT;
            resultType = m.group(1).equals("bad") ? BisectionType.CAUSE : BisectionType.FIX;
            culpritHash = m.group(2);
            culpritTitle = m.group(3) == null ? "" : m.group(3);
            return;
        }
        m = INCONCLUSIVE.matcher(line);
        if (m.matches()) {
            resultKind = ResultKind.INCONCLUSIVE;
            resultType = m.group(1).equals("bad") ? BisectionType.CAUSE : BisectionType.FIX;
            inconclusive = new ArrayList<>();
            return;
        }
        BisectionType notFound = notFoundWording(line);
        if (notFound != null) {
            resultKind = ResultKind.NOT_FOUND;
            resultType = notFound;
            return;
        }
        resultLine = 0;
        problem(lineNo, "not a result line after the summary: " + abbreviate(line));
    }

    /**
     * The wordings of "no commit found": the fix side names HEAD or a crash that is still not
     * fixed, the cause side the oldest tested release. Null for any other line.
     */
    static BisectionType notFoundWording(String line) {
        if (line.startsWith("crash: ") || line.startsWith("commit msg:") || line.startsWith("error:")) {
            return null;
        }
        if (line.contains("oldest tested release") && (line.contains("already") || line.contains("had the bug"))) {
            return BisectionType.CAUSE;
        }
        if (line.contains("still happens on HEAD") || line.startsWith("crash still not fixed")
                || line.startsWith("the crash still happens")) {
            return BisectionType.FIX;
        }
        return null;
    }

    private void afterCulprit(String line) {
        if (line.startsWith("cc: ")) {
            cc = quotedList(line.substring(4));
        } else if (line.startsWith("recipients (to): ")) {
            to = quotedList(line.substring(17));
        } else if (line.startsWith("recipients (cc): ")) {
            cc = quotedList(line.substring(17));
        } else if (line.startsWith("crash: ") || line.equals("crash:")) {
            startCrash(line);
        } else {
            problem(lineNo, "unexpected line after \"first " + (resultType == BisectionType.FIX ? "good" : "bad")
                    + " commit\": " + abbreviate(line));
        }
    }

    private void afterNotFound(String line) {
        if (line.startsWith("commit msg:")) {
            notFoundTitle = line.startsWith("commit msg: ") ? line.substring(12) : line.substring(11);
        } else if (line.startsWith("crash: ") || line.equals("crash:")) {
            startCrash(line);
        } else {
            problem(lineNo, "unexpected line in a not-found result: " + abbreviate(line));
        }
    }

    private void startCrash(String line) {
        crashTitle = line.length() > 7 ? line.substring(7) : "";
        crashReport = new BoundedText(crashReportLimit);
        mode = Mode.CRASH_REPORT;
    }

    private List<String> quotedList(String text) {
        try {
            return capped(GoLists.parseQuoted(text.strip()));
        } catch (GoLists.MalformedListException e) {
            problem(lineNo, "recipient list not readable (" + e.getMessage() + "): " + abbreviate(text));
            return capped(e.partial());
        }
    }

    // ---------------------------------------------------------------- end

    ParseResult finish(boolean lastLineTerminated) {
        if (mode == Mode.COMMIT) {
            endCommitBlock();
        }
        endBlock();
        endStep();
        if (lineNo == 0 || contentLines == 0) {
            problem(0, "empty log");
        } else if (!headerSeen) {
            problem(1, "no \"bisecting cause|fixing commit\" line: the beginning of the log is missing, the start commit is unknown");
        }
        Outcome outcome;
        BisectionType type = headerType != null ? headerType : resultType != null ? resultType : hintType;
        if (headerType != null && resultType != null && headerType != resultType) {
            problem(resultLine, "the result speaks of a " + resultType.id() + " bisection, the header of a "
                    + headerType.id() + " bisection");
        }
        if (!lastLineTerminated && lineNo > 0) {
            // the log ends in the middle of its last line: what that line says is incomplete
            if (headerLine == lineNo) {
                problem(lineNo, "the \"bisecting\" line is cut: the start commit is unknown");
                startCommit = null;
            }
            if (hostLine == lineNo) {
                host = null;
                startTime = null;
            }
            if (summaryLine == lineNo) {
                problem(lineNo, "the \"revisions tested\" line is cut");
                revisionsTested = null;
                totalTime = null;
                buildTime = null;
                testTime = null;
            }
        }
        if (!lastLineTerminated && resultLine == lineNo
                && (resultKind == ResultKind.CULPRIT || resultKind == ResultKind.INCONCLUSIVE || resultKind == ResultKind.NOT_FOUND)) {
            problem(resultLine, "the result line is cut: the log ends in the middle of it");
            resultKind = ResultKind.NONE;
            culpritHash = null;
            culpritTitle = null;
            inconclusive = null;
        }
        switch (resultKind) {
            case ERROR -> outcome = Outcome.ERROR;
            case CULPRIT -> outcome = type == BisectionType.FIX ? Outcome.FIX : Outcome.CULPRIT;
            case INCONCLUSIVE -> outcome = Outcome.INCONCLUSIVE;
            case NOT_FOUND -> outcome = type == BisectionType.FIX ? Outcome.NOT_FIXED_ON_HEAD : Outcome.OLDEST_RELEASE_HAS_BUG;
            default -> {
                outcome = Outcome.TRUNCATED;
                if (summaryLine == 0) {
                    if (contentLines > 0) {
                        problem(lineNo, "no \"revisions tested\" summary: the log has no result"
                                + (lastLineTerminated ? "" : " (its last line is cut)"));
                    }
                } else if (resultLine == 0) {
                    problem(summaryLine, "no result after the \"revisions tested\" summary");
                }
            }
        }
        if (resultKind == ResultKind.CULPRIT && cc == null && to == null) {
            problem(resultLine, "no recipient list after \"first bad|good commit\"");
        }
        if (resultKind == ResultKind.INCONCLUSIVE && inconclusive.isEmpty()) {
            problem(resultLine, "no candidate commits after \"bisection is inconclusive\"");
        }

        Commit culprit = null;
        if (culpritHash != null && lastCommitBlock != null) {
            if (lastCommitBlock.hash().equals(culpritHash)) {
                culprit = lastCommitBlock.hasContent() ? lastCommitBlock.build() : null;
            } else {
                problem(resultLine, "git named " + lastCommitBlock.hash() + " the first bad commit, the result names "
                        + culpritHash);
            }
        }
        Crash crash = null;
        if (crashTitle != null) {
            crash = new Crash(crashTitle, crashReport.text(), crashReport.truncated(), crashReport.length());
        }
        String error = null;
        if (errorText != null) {
            error = errorText.text();
            if (errorText.truncated()) {
                problem(resultLine, "error text of " + errorText.length() + " characters cut to " + textLimit);
            }
        }
        Minimization min = null;
        if (minimizationSeen) {
            min = new Minimization(minBase, minFull, minDiff, minimizedTo, suspects, dropped, minOutcome);
        }
        BisectionReport report = new BisectionReport(
                type, outcome, host, startTime, startCommit, syzkallerCommit, culprit,
                culpritHash, culpritTitle, inconclusive, to, cc, crash, originalCrashTitle, notFoundTitle,
                revisionsTested, totalTime, buildTime, testTime, error, revisions, releasesTested, steps,
                culpritSignature, parentSignature, flaky, reproChance, accumulatedErrorProbability, min, infoLines);
        return new ParseResult(report, problems.toList());
    }

    // ---------------------------------------------------------------- values

    private static List<String> capped(List<String> l) {
        return l.size() <= MAX_LIST ? l : l.subList(0, MAX_LIST);
    }

    private String hexValue(String rest) {
        String v = rest.strip();
        if (v.isEmpty()) {
            problem(lineNo, "empty signature");
        }
        return v;
    }

    private Integer parseInt(String digits) {
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            problem(lineNo, "number out of range: " + abbreviate(digits));
            return null;
        }
    }

    private Double parseDouble(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problem(lineNo, "not a number: " + abbreviate(text));
            return null;
        }
    }

    /** The compiler named from {@code from} on; in a long log, one copy of each. */
    private String compiler(String line, int from) {
        return revisions.size() < SHARE_AFTER ? line.substring(from) : sameOrCopy(line, from, lastCompiler);
    }

    /** {@code line} from {@code from} on, as {@code previous} when it is the same text. */
    private static String sameOrCopy(String line, int from, String previous) {
        int len = line.length() - from;
        if (previous != null && previous.length() == len && line.regionMatches(from, previous, 0, len)) {
            return previous;
        }
        return line.substring(from);
    }

    /** The git bisect command at {@code from} when a space or the end follows it, else null. */
    private static String gitCommand(String line, int from) {
        for (String c : GIT_COMMANDS) {
            int end = from + c.length();
            if (line.startsWith(c, from) && (end == line.length() || line.charAt(end) == ' ')) {
                return c;
            }
        }
        return null;
    }

    /** Whether 40 lower-case hex digits start at {@code from}. */
    static boolean isHash(String s, int from) {
        return s.length() >= from + 40 && isHex(s, from, from + 40);
    }

    private static boolean isHex(String s, int from, int to) {
        int bad = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            // 0 for '0'..'9' and 'a'..'f', non-zero otherwise, without branches
            bad |= (c - '0' | '9' - c) & (c - 'a' | 'f' - c);
        }
        return bad >= 0;
    }

    private static int digitCount(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** The decimal number at {@code from}, or -1 when there is none or it does not fit. */
    private static int leadingNumber(String s, int from) {
        int n = digitCount(s, from);
        if (n == 0 || n > 9) {
            return -1;
        }
        return Integer.parseInt(s, from, from + n, 10);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}

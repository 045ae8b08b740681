package dev.culprit.assess;

import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.ChangedFile;
import dev.culprit.model.Commit;
import dev.culprit.model.Crash;
import dev.culprit.model.Outcome;
import dev.culprit.model.Phase;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.TestedRevision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small cause-bisection reports for tests: by default a clean bisection of an ext4 crash
 * to a commit that changes the file the crash happened in.
 */
final class Reports {
    static final String START = "a".repeat(40);
    static final String GOOD_RELEASE = "b".repeat(40);
    static final String STEP_GOOD = "c".repeat(40);
    static final String CULPRIT = "d".repeat(40);
    static final String TITLE = "KASAN: use-after-free Read in ext4_xattr_set_entry";
    static final String GCC = "gcc (GCC) 10.2.1 20210217";
    static final String REPORT = """
            ==================================================================
            BUG: KASAN: use-after-free in ext4_xattr_set_entry+0x3d4/0x1b70 fs/ext4/xattr.c:1621
            Call Trace:
             __dump_stack lib/dump_stack.c:77 [inline]
             dump_stack+0x107/0x163 lib/dump_stack.c:118
             ext4_xattr_set_entry+0x3d4/0x1b70 fs/ext4/xattr.c:1621
             ext4_xattr_ibody_set+0x78/0x2b0 fs/ext4/xattr.c:2226
             do_syscall_64+0x2d/0x70 arch/x86/entry/common.c:46
            """;

    BisectionType type = BisectionType.CAUSE;
    Outcome outcome = Outcome.CULPRIT;
    String startCommit = START;
    String culpritHash = CULPRIT;
    String culpritTitle = "ext4: fix xattr entry size";
    List<ChangedFile> files = new ArrayList<>(List.of(new ChangedFile("fs/ext4/xattr.c", 12)));
    List<String> mergeParents = new ArrayList<>();
    boolean withCommitBlock = true;
    Crash crash = new Crash(TITLE, REPORT, false, REPORT.length());
    List<TestedRevision> revisions = new ArrayList<>();
    List<BisectStep> steps = new ArrayList<>();
    List<String> inconclusive;
    String culpritSignature = "1".repeat(64);
    String parentSignature = "2".repeat(64);
    boolean flaky;
    Double reproChance;
    Double errorProbability;

    /** The default history: original crashes, release is good, one good step, culprit crashes. */
    static Reports clean() {
        Reports b = new Reports();
        b.revisions.add(rev(START, "original", GCC, all(RunVerdict.Kind.CRASHED, TITLE)));
        b.revisions.add(rev(GOOD_RELEASE, "release", GCC, all(RunVerdict.Kind.OK, "")));
        b.revisions.add(rev(STEP_GOOD, "bisect", GCC, all(RunVerdict.Kind.OK, "")));
        b.revisions.add(rev(CULPRIT, "bisect", GCC, all(RunVerdict.Kind.CRASHED, TITLE)));
        b.steps.add(new BisectStep("start", List.of(START, GOOD_RELEASE), 3, 2, 10));
        b.steps.add(new BisectStep("good", List.of(STEP_GOOD), 1, 1, 20));
        b.steps.add(new BisectStep("bad", List.of(CULPRIT), 0, 0, 30));
        return b;
    }

    static TestedRevision rev(String hash, String phase, String compiler, List<RunVerdict> verdicts) {
        return new TestedRevision(hash, Phase.fromId(phase), phase.equals("release") ? "v5.10" : null, compiler, "9".repeat(64),
                verdicts, null, 1);
    }

    static List<RunVerdict> all(RunVerdict.Kind kind, String detail) {
        return List.of(new RunVerdict(RunVerdict.ALL_RUNS, kind, detail));
    }

    /** Per-run verdicts: {@code runs(OK, 9, CRASHED, 1)} with the default crash title. */
    static List<RunVerdict> runs(Object... kindsAndCounts) {
        List<RunVerdict> out = new ArrayList<>();
        for (int i = 0; i < kindsAndCounts.length; i += 2) {
            RunVerdict.Kind kind = (RunVerdict.Kind) kindsAndCounts[i];
            int n = (Integer) kindsAndCounts[i + 1];
            for (int j = 0; j < n; j++) {
                out.add(new RunVerdict(out.size(), kind, kind == RunVerdict.Kind.CRASHED ? TITLE : "can't ssh into the instance"));
            }
        }
        return out;
    }

    Reports replace(String hash, TestedRevision with) {
        revisions.replaceAll(t -> t.hash().equals(hash) ? with : t);
        return this;
    }

    Reports files(String... paths) {
        files = new ArrayList<>(Arrays.stream(paths).map(p -> new ChangedFile(p, 3)).toList());
        return this;
    }

    BisectionReport build() {
        Commit commit = withCommitBlock && culpritHash != null
                ? new Commit(culpritHash, culpritTitle, "Ann Author", "ann@example.org", "Mon Feb 26 15:45:03 2024 -0600",
                        List.of(), List.of(), files, mergeParents)
                : null;
        boolean single = outcome == Outcome.CULPRIT || outcome == Outcome.FIX;
        return new BisectionReport(type, outcome, "ci", null, startCommit, "e".repeat(40), commit,
                single ? culpritHash : null, single ? culpritTitle : null, inconclusive, List.of(), List.of(),
                crash, TITLE, null, revisions.size(), "1h", "30m", "30m", null, revisions, List.of("v5.10"), steps,
                culpritSignature, parentSignature, flaky, reproChance, errorProbability, null, List.of());
    }
}

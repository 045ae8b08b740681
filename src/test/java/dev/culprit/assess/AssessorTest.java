package dev.culprit.assess;

import static dev.culprit.assess.Reports.CULPRIT;
import static dev.culprit.assess.Reports.GCC;
import static dev.culprit.assess.Reports.GOOD_RELEASE;
import static dev.culprit.assess.Reports.STEP_GOOD;
import static dev.culprit.assess.Reports.all;
import static dev.culprit.assess.Reports.rev;
import static dev.culprit.assess.Reports.runs;
import static dev.culprit.model.RunVerdict.Kind.BOOT_FAILED;
import static dev.culprit.model.RunVerdict.Kind.CRASHED;
import static dev.culprit.model.RunVerdict.Kind.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionType;
import dev.culprit.model.ChangedFile;
import dev.culprit.model.Crash;
import dev.culprit.model.Outcome;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.Signal;
import dev.culprit.model.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessorTest {
    private final Assessor assessor = new Assessor(AssessPolicy.defaults());

    private Assessment assess(Reports b) {
        return assessor.assess(b.build());
    }

    private static List<String> ids(Assessment a) {
        return a.signals().stream().map(Signal::id).toList();
    }

    private static String reason(Assessment a, String id) {
        return a.signals().stream().filter(s -> s.id().equals(id)).map(Signal::reason).findFirst().orElseThrow();
    }

    @Test
    void mailsCleanSingleCommitWithFullScore() {
        Assessment a = assess(Reports.clean());
        assertThat(a.signals()).isEmpty();
        assertThat(a.score()).isEqualTo(1.0);
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
    }

    @Test
    void holdsMerge() {
        Reports b = Reports.clean();
        b.mergeParents.addAll(List.of("0123456789ab", "ba9876543210"));
        b.files.clear();
        b.culpritTitle = "Merge tag 'net-5.11' of git://git.kernel.org/pub/scm/linux/kernel/git/netdev/net";
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.MERGE);
        assertThat(a.score()).isZero();
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }

    @Test
    void recognisesMergeByTitleWhenGitPrintedNoCommitBlock() {
        Reports b = Reports.clean();
        b.withCommitBlock = false;
        b.culpritTitle = "Merge branch 'for-next'";
        assertThat(ids(assess(b))).contains(Signals.MERGE);
    }

    @Test
    void holdsCommitWhoseKernelEqualsItsParents() {
        Reports b = Reports.clean();
        b.parentSignature = b.culpritSignature;
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.NOOP_CHANGE);
        assertThat(reason(a, Signals.NOOP_CHANGE)).contains("same kernel as its parent");
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }

    @Test
    void holdsReleaseCommit() {
        Reports b = Reports.clean();
        b.culpritTitle = "Linux 5.11-rc3";
        b.files("Makefile");
        Assessment a = assess(b);
        assertThat(ids(a)).contains(Signals.RELEASE_COMMIT);
        assertThat(reason(a, Signals.RELEASE_COMMIT)).isEqualTo(
                "The commit is the release commit \"Linux 5.11-rc3\", which only changes the version number.");
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }

    @Test
    void doesNotTakeLinuxPrefixedSubsystemTitleForRelease() {
        Reports b = Reports.clean();
        b.culpritTitle = "Linux 5.11 compat: fix ext4 xattr";
        assertThat(ids(assess(b))).doesNotContain(Signals.RELEASE_COMMIT);
    }

    @Test
    void holdsCommitChangingOnlyDocumentationAndSelftests() {
        Reports b = Reports.clean().files("Documentation/filesystems/ext4.rst", "tools/testing/selftests/ext4/t.sh");
        Assessment a = assess(b);
        assertThat(ids(a)).contains(Signals.UNBUILT_CHANGE);
        assertThat(reason(a, Signals.UNBUILT_CHANGE)).isEqualTo("The commit changes only "
                + "Documentation/filesystems/ext4.rst, tools/testing/selftests/ext4/t.sh, none of which is built "
                + "into the tested kernel.");
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }

    @Test
    void countsOtherArchitectureAsUnbuiltOnlyWhenTraceNamesTheTestedOne() {
        Reports b = Reports.clean().files("arch/arm64/kernel/setup.c");
        assertThat(ids(assess(b))).contains(Signals.UNBUILT_CHANGE);

        String noArch = " ext4_xattr_set_entry+0x3d4/0x1b70 fs/ext4/xattr.c:1621\n";
        b.crash = new Crash(Reports.TITLE, noArch, false, noArch.length());
        assertThat(ids(assess(b))).doesNotContain(Signals.UNBUILT_CHANGE);
    }

    @Test
    void doesNotCountBuiltFilesAsUnbuilt() {
        Reports b = Reports.clean().files("Documentation/filesystems/ext4.rst", "fs/ext4/xattr.c");
        assertThat(ids(assess(b))).doesNotContain(Signals.UNBUILT_CHANGE);
    }

    @Test
    void raisesCrashChangedWhenCulpritNeverShowedTheOriginalCrash() {
        Reports b = Reports.clean();
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, all(CRASHED, "WARNING in kvm_wait")));
        b.crash = new Crash("WARNING in kvm_wait", Reports.REPORT, false, 0);
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.CRASH_CHANGED);
        assertThat(reason(a, Signals.CRASH_CHANGED)).isEqualTo("The culprit crashed with \"WARNING in kvm_wait\", "
                + "not with the original \"KASAN: use-after-free Read in ext4_xattr_set_entry\": the bisection may "
                + "have followed a different bug.");
        assertThat(a.verdict()).as("one doubt alone is reported but mailed").isEqualTo(Verdict.MAIL);
        assertThat(a.score()).as("1 - 0.85, exactly the threshold").isEqualTo(0.15);
    }

    @Test
    void raisesCrashVariantWhenTheCulpritCrashedDifferentlyInTheSamePlace() {
        Reports b = Reports.clean();
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, all(CRASHED, "KASAN: slab-out-of-bounds Write in ext4_xattr_set_entry")));
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.CRASH_VARIANT);
        assertThat(reason(a, Signals.CRASH_VARIANT)).isEqualTo("The culprit crashed with \"KASAN: slab-out-of-bounds "
                + "Write in ext4_xattr_set_entry\", not with the original \"KASAN: use-after-free Read in "
                + "ext4_xattr_set_entry\", though in the same place: most likely the same bug, seen differently.");
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
    }

    @Test
    void readsThePlaceOfACrashFromItsTitle() {
        assertThat(Assessor.place("WARNING in kvm_wait")).isEqualTo("kvm_wait");
        assertThat(Assessor.place("BUG: sleeping function called from invalid context in lock_sock_nested"))
                .isEqualTo("lock_sock_nested");
        assertThat(Assessor.place("kernel BUG at net/rxrpc/conn_object.c:LINE!")).isEqualTo("net/rxrpc/conn_object.c:LINE!");
        assertThat(Assessor.place("no output from test machine")).isEqualTo("no output from test machine");
    }

    @Test
    void raisesReleaseCrashedWhenOlderReleasesAlreadyCrashed() {
        Reports b = Reports.clean();
        b.revisions.add(1, new dev.culprit.model.TestedRevision("1".repeat(40), dev.culprit.model.Phase.RELEASE, "v5.11", GCC, "8".repeat(64),
                all(CRASHED, Reports.TITLE), null, 1));
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.RELEASE_CRASHED);
        assertThat(reason(a, Signals.RELEASE_CRASHED)).isEqualTo("The crash already happened on release v5.11, so the "
                + "bisection had to reach back through older kernels, where other bugs more often lead it astray.");
        b.revisions.add(2, new dev.culprit.model.TestedRevision("2".repeat(40), dev.culprit.model.Phase.RELEASE, "v5.10.1", GCC, "7".repeat(64),
                all(CRASHED, Reports.TITLE), null, 1));
        assertThat(reason(assess(b), Signals.RELEASE_CRASHED)).startsWith("The crash already happened on 2 releases, back to v5.10.1,");
    }

    @Test
    void raisesBlamedBeforeFromTheCountGiven() {
        assertThat(assessor.findings(Reports.clean().build(), 2)).as("found, though its default weight is 0")
                .containsKey(Signals.BLAMED_BEFORE);
        Assessment told = assessor.assess(Reports.clean().build(), 2);
        assertThat(ids(told)).as("a context signal of weight 0 is stated").containsExactly(Signals.BLAMED_BEFORE);
        assertThat(told.score()).as("and weighs nothing").isEqualTo(1.0);
        assertThat(told.confident()).as("a context signal keeps the Fixes: suggestion").isTrue();
        Assessor off = new Assessor(new AssessPolicy(null, null, null, null, null, null, null, List.of(Signals.FLAKY)));
        assertThat(ids(off.assess(Reports.clean().build(), 2))).as("not a context signal, weight 0: off").isEmpty();
        Assessor assessor = new Assessor(AssessPolicy.defaults().withWeights(java.util.Map.of(Signals.BLAMED_BEFORE, 0.2)));
        assertThat(ids(assessor.assess(Reports.clean().build(), 0))).isEmpty();
        Assessment a = assessor.assess(Reports.clean().build(), 2);
        assertThat(ids(a)).containsExactly(Signals.BLAMED_BEFORE);
        assertThat(reason(a, Signals.BLAMED_BEFORE)).isEqualTo("The same commit was already blamed for 2 other crashes, "
                + "and a commit blamed for several different crashes is more often the wrong one.");
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
        assertThat(reason(assessor.assess(Reports.clean().build(), 1), Signals.BLAMED_BEFORE))
                .startsWith("The same commit was already blamed for 1 other crash, ");
        Assessor strict = new Assessor(new AssessPolicy(null, null, null, null, null, null, 3));
        assertThat(ids(strict.assess(Reports.clean().build(), 2))).isEmpty();
    }

    @Test
    void raisesCrashChangedWhenReportedCrashDiffersAlthoughOriginalAlsoAppeared() {
        Reports b = Reports.clean();
        List<RunVerdict> mixed = List.of(new RunVerdict(0, CRASHED, Reports.TITLE),
                new RunVerdict(1, CRASHED, "WARNING in corrupted"));
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, mixed));
        b.crash = new Crash("WARNING in corrupted", Reports.REPORT, false, 0);
        Assessment a = assess(b);
        assertThat(reason(a, Signals.CRASH_CHANGED)).startsWith("The crash reported for the culprit, \"WARNING in corrupted\"");
    }

    @Test
    void keepsQuietWhenTheCulpritCrashedLikeTheOriginal() {
        Reports b = Reports.clean();
        List<RunVerdict> mixed = List.of(new RunVerdict(0, CRASHED, "WARNING in corrupted"),
                new RunVerdict(1, CRASHED, Reports.TITLE));
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, mixed));
        assertThat(ids(assess(b))).doesNotContain(Signals.CRASH_CHANGED);
    }

    @Test
    void raisesFewCrashesWhenOneOfTenRunsCrashedOnTheCulprit() {
        Reports b = Reports.clean();
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, runs(OK, 9, CRASHED, 1)));
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.FEW_CRASHES);
        assertThat(reason(a, Signals.FEW_CRASHES)).isEqualTo(
                "Only 1 of 10 test runs crashed on the culprit, thin evidence that it is the first bad commit.");
    }

    @Test
    void acceptsHalfTheRunsCrashing() {
        Reports b = Reports.clean();
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, runs(OK, 5, CRASHED, 5)));
        assertThat(ids(assess(b))).doesNotContain(Signals.FEW_CRASHES);
    }

    @Test
    void holdsWhenTwoDoubtsMeet() {
        Reports b = Reports.clean();
        List<RunVerdict> one = List.of(new RunVerdict(0, CRASHED, "WARNING in kvm_wait"), new RunVerdict(1, OK, ""),
                new RunVerdict(2, OK, ""), new RunVerdict(3, OK, ""));
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, one));
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.CRASH_CHANGED, Signals.FEW_CRASHES);
        assertThat(a.score()).isCloseTo(0.15 * 0.35, within(1e-9));
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }

    @Test
    void raisesNotInTraceWhenCommitTouchesNoFileOfTheTrace() {
        Reports b = Reports.clean().files("drivers/net/tun.c");
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.NOT_IN_TRACE);
        assertThat(reason(a, Signals.NOT_IN_TRACE)).isEqualTo(
                "None of the files the commit changes (drivers/net/tun.c) appears in the crash's call trace.");
        assertThat(a.verdict()).as("one doubt alone is reported but mailed").isEqualTo(Verdict.MAIL);
        assertThat(a.score()).isEqualTo(0.25);
    }

    @Test
    void saysWhenOnlyNeighbouringFilesChanged() {
        Reports b = Reports.clean().files("fs/ext4/inode.c", "fs/ext4/ext4.h", "fs/ext4/super.c", "fs/ext4/dir.c");
        assertThat(reason(assess(b), Signals.NOT_IN_TRACE)).isEqualTo("None of the files the commit changes "
                + "(fs/ext4/inode.c, fs/ext4/ext4.h, fs/ext4/super.c and 1 more) appears in the crash's call trace "
                + "(only neighbouring files in the same directory).");
    }

    @Test
    void countsFilesOfTheAllocationAndFreeStacksAsInTheTrace() {
        Reports b = Reports.clean().files("fs/ext4/super.c");
        String report = Reports.REPORT + "\nFreed by task 8320:\n kfree+0x108/0x2c0 mm/slab.c:3757\n"
                + " ext4_put_super+0x1b/0x70 fs/ext4/super.c:1201\n";
        b.crash = new Crash(Reports.TITLE, report, false, report.length());
        assertThat(ids(assess(b))).doesNotContain(Signals.NOT_IN_TRACE);
    }

    @Test
    void matchesAbbreviatedDiffstatPathsAndOldGitDirectories() {
        assertThat(ids(assess(Reports.clean().files(".../ext4/xattr.c")))).doesNotContain(Signals.NOT_IN_TRACE);
        Reports raw = Reports.clean();
        raw.files = List.of(new ChangedFile("fs", null));
        assertThat(ids(assess(raw))).doesNotContain(Signals.NOT_IN_TRACE);
    }

    @Test
    void doesNotExpectTheCulpritInTheTraceOfAHungTaskOrALeak() {
        for (String title : List.of("INFO: task hung in lock_sock_nested", "memory leak in rds_send_probe",
                "unregister_netdevice: waiting for DEV to become free", "INFO: rcu detected stall in sys_sendfile64")) {
            Reports b = Reports.clean().files("drivers/net/tun.c");
            b.crash = new Crash(title, Reports.REPORT, false, 0);
            b.replace(Reports.START, rev(Reports.START, "original", GCC, all(CRASHED, title)));
            b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, all(CRASHED, title)));
            assertThat(ids(assess(b))).as(title).isEmpty();
        }
    }

    @Test
    void readsTheTitleForTheSubsystemWhenOldGitListedOnlyTopLevelDirectories() {
        Reports raw = Reports.clean();
        raw.files = List.of(new ChangedFile("fs", null));
        raw.culpritTitle = "ovl: fix EIO from lookup of non-indexed upper";
        Assessment a = assess(raw);
        assertThat(reason(a, Signals.NOT_IN_TRACE)).isEqualTo("Git listed only the top-level directories the commit "
                + "changes (fs/), and what its title names (ovl) appears nowhere in the crash's call trace.");
        raw.culpritTitle = "ext4: fix xattr entry size";
        assertThat(ids(assess(raw))).as("ext4 is in the trace").doesNotContain(Signals.NOT_IN_TRACE);
        raw.culpritTitle = "fs: tidy up a comment";
        assertThat(ids(assess(raw))).as("a title naming no subsystem says nothing").doesNotContain(Signals.NOT_IN_TRACE);
        Reports stat = Reports.clean().files("fs/ext4/xattr.c");
        stat.culpritTitle = "ovl: fix EIO from lookup of non-indexed upper";
        assertThat(ids(assess(stat))).as("known files decide, not the title").doesNotContain(Signals.NOT_IN_TRACE);
    }

    @Test
    void namesOldGitDirectoriesWithASlash() {
        Reports raw = Reports.clean();
        raw.files = List.of(new ChangedFile("net", null), new ChangedFile("Makefile", null));
        assertThat(reason(assess(raw), Signals.NOT_IN_TRACE))
                .isEqualTo("None of the files the commit changes (net/, Makefile) appears in the crash's call trace.");
    }

    @Test
    void staysSilentAboutTheTraceWhenReportHasNoFileNames() {
        Reports b = Reports.clean().files("drivers/net/tun.c");
        String old = "Call Trace:\n dump_stack+0x107/0x163\n ext4_xattr_set_entry+0x3d4/0x1b70\n";
        b.crash = new Crash(Reports.TITLE, old, false, old.length());
        assertThat(ids(assess(b))).doesNotContain(Signals.NOT_IN_TRACE);
    }

    @Test
    void raisesCompilerChangedWhenGoodAndBadSidesWereBuiltDifferently() {
        Reports b = Reports.clean();
        b.replace(GOOD_RELEASE, rev(GOOD_RELEASE, "release", "gcc (GCC) 7.3.0", all(OK, "")));
        b.replace(STEP_GOOD, rev(STEP_GOOD, "bisect", "gcc (GCC) 7.3.0", all(OK, "")));
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.COMPILER_CHANGED);
        assertThat(reason(a, Signals.COMPILER_CHANGED)).isEqualTo("Every commit judged free of the crash was built with "
                + "gcc (GCC) 7.3.0 and every crashing one with gcc (GCC) 10.2.1 20210217, so the change of compiler "
                + "may explain the crash.");
    }

    @Test
    void keepsQuietAboutCompilersWhenOneBuiltBothAGoodAndACrashingKernel() {
        Reports b = Reports.clean();
        b.replace(GOOD_RELEASE, rev(GOOD_RELEASE, "release", "gcc (GCC) 7.3.0", all(OK, "")));
        assertThat(ids(assess(b))).doesNotContain(Signals.COMPILER_CHANGED);
    }

    @Test
    void raisesNoisyGoodWhenAGoodCommitHadManyBrokenRuns() {
        Reports b = Reports.clean();
        b.replace(STEP_GOOD, rev(STEP_GOOD, "bisect", GCC, runs(OK, 6, BOOT_FAILED, 4)));
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.NOISY_GOOD);
        assertThat(reason(a, Signals.NOISY_GOOD)).isEqualTo("Commit cccccccccccc was judged free of the crash although 4 of its "
                + "10 test runs failed to boot or to run the reproducer, so the crash may have been missed there.");
    }

    @Test
    void toleratesOneBrokenRunOnAGoodCommit() {
        Reports b = Reports.clean();
        b.replace(STEP_GOOD, rev(STEP_GOOD, "bisect", GCC, runs(OK, 9, BOOT_FAILED, 1)));
        assertThat(ids(assess(b))).isEmpty();
    }

    @Test
    void reportsSkippedCommitsAsContextOnly() {
        Reports b = Reports.clean();
        b.steps.add(1, new BisectStep("skip", List.of("f".repeat(40)), 2, 1, 15));
        b.steps.add(2, new BisectStep("skip", List.of("9".repeat(40)), 2, 1, 16));
        Assessment a = assess(b);
        assertThat(reason(a, Signals.SKIPPED_COMMITS)).isEqualTo("2 commits were skipped because they could not be tested.");
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
    }

    @Test
    void raisesStartCommitWhenNothingNarrowedTheRange() {
        Reports b = Reports.clean();
        b.culpritHash = Reports.START;
        assertThat(ids(assess(b))).contains(Signals.START_COMMIT);
    }

    @Test
    void prefersLowReproChanceOverTheFlakyFlag() {
        Reports b = Reports.clean();
        b.flaky = true;
        b.reproChance = 0.25;
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.LOW_REPRO_CHANCE);
        assertThat(reason(a, Signals.LOW_REPRO_CHANCE)).startsWith("The reproducer crashes the kernel only about 25% of the time");
        b.reproChance = 0.8;
        assertThat(ids(assess(b))).containsExactly(Signals.FLAKY);
    }

    @Test
    void raisesErrorProbabilityAboveTheLimit() {
        Reports b = Reports.clean();
        b.errorProbability = 0.4;
        assertThat(reason(assess(b), Signals.ERROR_PROBABILITY))
                .isEqualTo("The bisection itself estimates a 40% chance that one of its verdicts was wrong.");
        b.errorProbability = 0.1;
        assertThat(ids(assess(b))).isEmpty();
    }

    @Test
    void holdsInconclusiveResult() {
        Reports b = Reports.clean();
        b.outcome = Outcome.INCONCLUSIVE;
        b.inconclusive = List.of("1".repeat(40), "2".repeat(40), "3".repeat(40));
        b.withCommitBlock = false;
        Assessment a = assess(b);
        assertThat(ids(a)).containsExactly(Signals.NOT_SINGLE_COMMIT);
        assertThat(reason(a, Signals.NOT_SINGLE_COMMIT))
                .isEqualTo("The bisection did not end on a single commit: 3 candidates remain.");
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }

    @Test
    void skipsLogWithoutFinalResult() {
        Reports b = Reports.clean();
        b.outcome = Outcome.TRUNCATED;
        assertThat(assess(b).verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void judgesFixBisectionWithoutCrashSignals() {
        Reports b = Reports.clean();
        b.type = BisectionType.FIX;
        b.outcome = Outcome.FIX;
        b.crash = null;
        b.replace(CULPRIT, rev(CULPRIT, "bisect", GCC, all(OK, "")));
        b.files("drivers/net/tun.c");
        Assessment a = assess(b);
        assertThat(ids(a)).isEmpty();
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
    }

    @Test
    void ignoresSignalsWeightedZero() {
        Reports b = Reports.clean();
        b.parentSignature = b.culpritSignature;
        Assessor lenient = new Assessor(AssessPolicy.defaults().withWeights(Map.of(Signals.NOOP_CHANGE, 0.0)));
        Assessment a = lenient.assess(b.build());
        assertThat(a.signals()).isEmpty();
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
    }

    @Test
    void mailThresholdOfZeroMailsEverySingleCommit() {
        Reports b = Reports.clean();
        b.parentSignature = b.culpritSignature;
        Assessor all = new Assessor(AssessPolicy.defaults().withMailThreshold(0.0));
        assertThat(all.assess(b.build()).verdict()).isEqualTo(Verdict.MAIL);
    }
}

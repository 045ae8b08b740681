package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Assessment;
import dev.culprit.model.Signal;
import dev.culprit.model.Verdict;
import dev.culprit.parse.LogParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every signal on a small constructed log, read by the real parser: {@code clean-culprit.txt}
 * is a clean 2020-style cause bisection, and each test changes the lines its signal looks at.
 */
class SignalsFromLogTest {
    private static final String ORIGINAL = "KASAN: use-after-free Read in ext4_xattr_set_entry";
    private static final String CULPRIT_TEST = """
            testing commit dddddddddddddddddddddddddddddddddddddddd with gcc (GCC) 8.1.0
            kernel signature: 4444444444444444444444444444444444444444444444444444444444444444
            all runs: crashed: KASAN: use-after-free Read in ext4_xattr_set_entry
            """;
    private static final String GOOD_TEST = """
            testing commit cccccccccccccccccccccccccccccccccccccccc with gcc (GCC) 8.1.0
            kernel signature: 3333333333333333333333333333333333333333333333333333333333333333
            all runs: OK
            """;
    private static final String DIFFSTAT = " fs/ext4/xattr.c | 12 ++++++++----\n";

    private final Assessor assessor = new Assessor(AssessPolicy.defaults());

    private static String clean() throws IOException {
        try (InputStream in = SignalsFromLogTest.class.getResourceAsStream("/assess/clean-culprit.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String edit(String log, String from, String to) {
        assertThat(log).contains(from);
        return log.replace(from, to);
    }

    private Assessment assess(String log) {
        return assessor.assess(new LogParser(64 * 1024).parse(log).report());
    }

    private static List<String> ids(Assessment a) {
        return a.signals().stream().map(Signal::id).toList();
    }

    @Test
    void cleanLogRaisesNothingAndIsMailed() throws IOException {
        Assessment a = assess(clean());
        assertThat(a.signals()).isEmpty();
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
    }

    @Test
    void culpritCrashingWithAnotherTitleRaisesCrashChanged() throws IOException {
        String log = edit(clean(), CULPRIT_TEST, CULPRIT_TEST.replace(ORIGINAL, "WARNING in kvm_wait"));
        log = edit(log, "crash: " + ORIGINAL, "crash: WARNING in kvm_wait");
        assertThat(ids(assess(log))).containsExactly(Signals.CRASH_CHANGED);
    }

    @Test
    void oneCrashInTenRunsRaisesFewCrashes() throws IOException {
        StringBuilder runs = new StringBuilder("run #0: crashed: " + ORIGINAL + "\n");
        for (int i = 1; i < 10; i++) {
            runs.append("run #").append(i).append(": OK\n");
        }
        String log = edit(clean(), CULPRIT_TEST, CULPRIT_TEST.replace("all runs: crashed: " + ORIGINAL + "\n", runs));
        assertThat(ids(assess(log))).containsExactly(Signals.FEW_CRASHES);
    }

    @Test
    void twoDoubtsHoldTheResult() throws IOException {
        StringBuilder runs = new StringBuilder("run #0: crashed: WARNING in kvm_wait\n");
        for (int i = 1; i < 10; i++) {
            runs.append("run #").append(i).append(": OK\n");
        }
        String log = edit(clean(), CULPRIT_TEST, CULPRIT_TEST.replace("all runs: crashed: " + ORIGINAL + "\n", runs));
        log = edit(log, "crash: " + ORIGINAL, "crash: WARNING in kvm_wait");
        Assessment a = assess(log);
        assertThat(ids(a)).containsExactly(Signals.CRASH_CHANGED, Signals.FEW_CRASHES);
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }

    @Test
    void commitOutsideTheCallTraceRaisesNotInTrace() throws IOException {
        String log = edit(clean(), DIFFSTAT, " drivers/net/tun.c | 12 ++++++++----\n");
        Assessment a = assess(log);
        assertThat(ids(a)).containsExactly(Signals.NOT_IN_TRACE);
        assertThat(a.verdict()).as("one doubt alone is reported but mailed").isEqualTo(Verdict.MAIL);
    }

    @Test
    void commitChangingABugDetectorRaisesBugDetector() throws IOException {
        String log = clean().replace("ext4: fix xattr entry size", "lockdep: report broken irq restoration");
        log = edit(log, DIFFSTAT, DIFFSTAT + " kernel/locking/lockdep.c | 4 ++++\n");
        Assessment a = assess(log);
        assertThat(ids(a)).containsExactly(Signals.BUG_DETECTOR);
        assertThat(a.signals().get(0).reason()).isEqualTo("The commit changes a bug detector (lockdep), which more often "
                + "reveals a bug that was already there than brings one: the crash may be an older bug it now reports, "
                + "or a false report of the detector.");
        assertThat(a.verdict()).as("one doubt alone is reported but mailed").isEqualTo(Verdict.MAIL);
    }

    @Test
    void commitThatOnlyFixesCodeNearADetectorRaisesNoBugDetector() throws IOException {
        String log = clean().replace("ext4: fix xattr entry size", "ext4: fix a warning-free xattr path for kasan_check users");
        assertThat(ids(assess(log))).doesNotContain(Signals.BUG_DETECTOR);
        assertThat(ids(assess(clean().replace("ext4: fix xattr entry size", "ext4: fix compiler warnings in xattr"))))
                .isEmpty();
    }

    @Test
    void documentationOnlyCommitRaisesUnbuiltChange() throws IOException {
        String log = edit(clean(), DIFFSTAT, " Documentation/filesystems/ext4.rst | 12 ++++++++----\n");
        assertThat(ids(assess(log))).contains(Signals.UNBUILT_CHANGE);
    }

    @Test
    void equalSignaturesRaiseNoopChange() throws IOException {
        String log = edit(clean(), "parent  signature: 3333", "parent  signature: 4444");
        log = edit(log, "parent  signature: 4444333333333333333333333333333333333333333333333333333333333333",
                "parent  signature: 4444444444444444444444444444444444444444444444444444444444444444");
        assertThat(ids(assess(log))).containsExactly(Signals.NOOP_CHANGE);
    }

    @Test
    void releaseCommitIsRecognisedByItsTitle() throws IOException {
        String log = clean().replace("ext4: fix xattr entry size", "Linux 5.6-rc1");
        assertThat(ids(assess(log))).contains(Signals.RELEASE_COMMIT);
    }

    @Test
    void mergeCommitIsRecognised() throws IOException {
        String log = edit(clean(), "Author: Ann Author", "Merge: 0123456789ab ba9876543210\nAuthor: Ann Author");
        log = log.replace("ext4: fix xattr entry size", "Merge branch 'ext4-next'");
        assertThat(ids(assess(log))).contains(Signals.MERGE);
    }

    @Test
    void differentCompilerOnTheGoodSideRaisesCompilerChanged() throws IOException {
        String log = clean().replace("testing commit bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb with gcc (GCC) 8.1.0",
                "testing commit bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb with gcc (GCC) 7.3.0");
        log = edit(log, GOOD_TEST, GOOD_TEST.replace("8.1.0", "7.3.0"));
        assertThat(ids(assess(log))).containsExactly(Signals.COMPILER_CHANGED);
    }

    @Test
    void goodVerdictWithManyBootFailuresRaisesNoisyGood() throws IOException {
        StringBuilder runs = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            runs.append("run #").append(i).append(i < 4 ? ": boot failed: can't ssh into the instance\n" : ": OK\n");
        }
        String log = edit(clean(), GOOD_TEST, GOOD_TEST.replace("all runs: OK\n", runs));
        assertThat(ids(assess(log))).containsExactly(Signals.NOISY_GOOD);
    }

    @Test
    void flakyReproducerIsReportedButMailed() throws IOException {
        String log = edit(clean(), "revisions tested: 4", "Reproducer flagged being flaky\nrevisions tested: 4");
        Assessment a = assess(log);
        assertThat(ids(a)).containsExactly(Signals.FLAKY);
        assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
    }

    @Test
    void inconclusiveResultIsHeld() throws IOException {
        String log = clean();
        log = log.substring(0, log.indexOf("first bad commit: "))
                + "bisection is inconclusive, the first bad commit could be any of:\n"
                + "cccccccccccccccccccccccccccccccccccccccc\ndddddddddddddddddddddddddddddddddddddddd\n";
        Assessment a = assess(log);
        assertThat(ids(a)).containsExactly(Signals.NOT_SINGLE_COMMIT);
        assertThat(a.verdict()).isEqualTo(Verdict.MODERATE);
    }
}

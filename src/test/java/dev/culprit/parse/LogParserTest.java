package dev.culprit.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.ChangedFile;
import dev.culprit.model.Commit;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;
import dev.culprit.model.Phase;
import dev.culprit.model.Problem;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.RunVerdict.Kind;
import dev.culprit.model.TestedRevision;
import dev.culprit.model.Trailer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogParserTest {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);
    private static final String D = "d".repeat(40);
    private static final String E = "e".repeat(40);
    private static final String SIG1 = "1".repeat(64);
    private static final String SIG2 = "2".repeat(64);

    private final LogParser parser = new LogParser(64 * 1024);

    private static BisectionReport report(String log) {
        return new LogParser(64 * 1024).parse(log).report();
    }

    /** A 2024-era cause bisection from the format strings, with one git step and a culprit. */
    private static final String CAUSE_2024 = """
            ci starts bisection 2024-03-01 10:00:00.5 +0000 UTC m=+10.000000001
            bisecting cause commit starting from %1$s
            building syzkaller on %5$s
            ensuring issue is reproducible on original commit %1$s

            testing commit %1$s gcc
            compiler: gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40
            kernel signature: %6$s
            run #0: OK
            run #1: crashed: WARNING in foo_bar
            run #2: boot failed: can't ssh into the instance
            run #3: basic kernel testing failed: timed out
            run #4: infra problem: failed to create VM
            run #5: ignore: lost connection to test machine
            representative crash: WARNING in foo_bar, types: [WARNING]
            picked [v6.8 v6.7] out of 31 release tags
            testing release v6.8
            testing commit %2$s gcc
            compiler: gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40
            kernel signature: %6$s
            all runs: crashed: WARNING in foo_bar
            testing release v6.7
            testing commit %3$s gcc
            compiler: gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40
            kernel signature: %7$s
            all runs: OK
            false negative chance: 0.000
            # git bisect start %2$s %3$s
            Bisecting: 1 revision left to test after this (roughly 1 step)
            [%4$s] foo: do the thing

            testing commit %4$s gcc
            compiler: gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40
            kernel signature: %6$s
            all runs: crashed: WARNING in foo_bar
            # git bisect bad %4$s
            %4$s is the first bad commit
            commit %4$s
            Author: Jane Doe <jane@example.org>
            Date:   Mon Feb 26 15:45:03 2024 -0600

                foo: do the thing
               \s
                Longer explanation
                over two lines.
               \s
                Fixes: 0123456789ab ("foo: old thing")
                Reported-by: syzbot+1234@syzkaller.appspotmail.com
                Signed-off-by: Jane Doe <jane@example.org>
                Link: https://lore.kernel.org/r/1

             fs/foo/bar.c  | 12 ++++++------
             fs/foo/baz.c  |  3 +++
             2 files changed, 9 insertions(+), 6 deletions(-)

            accumulated error probability: 0.05
            parent commit %3$s wasn't tested
            testing commit %3$s gcc
            compiler: gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40
            kernel signature: %7$s
            culprit signature: %6$s
            parent  signature: %7$s
            reproducer is flaky (0.42 repro chance estimate)
            revisions tested: 4, total time: 2h3m4.5s (build: 1h0m0s, test: 1h3m4.5s)
            first bad commit: %4$s foo: do the thing
            recipients (to): ["jane@example.org" "list@vger.kernel.org"]
            recipients (cc): ["linux-kernel@vger.kernel.org"]
            crash: WARNING in foo_bar
            ------------[ cut here ]------------
            WARNING: CPU: 0 PID: 1 at fs/foo/bar.c:10 foo_bar+0x1/0x2

            """.formatted(A, B, C, D, E, SIG1, SIG2);

    @Test
    void readsCauseCulpritWithEveryDetail() {
        ParseResult result = parser.parse(CAUSE_2024);
        BisectionReport r = result.report();
        assertThat(result.problems()).isEmpty();
        assertThat(r.type()).isEqualTo(BisectionType.CAUSE);
        assertThat(r.outcome()).isEqualTo(Outcome.CULPRIT);
        assertThat(r.host()).isEqualTo("ci");
        assertThat(r.startTime()).isEqualTo("2024-03-01 10:00:00.5 +0000 UTC m=+10.000000001");
        assertThat(r.startCommit()).isEqualTo(A);
        assertThat(r.syzkallerCommit()).isEqualTo(E);
        assertThat(r.culpritHash()).isEqualTo(D);
        assertThat(r.culpritTitle()).isEqualTo("foo: do the thing");
        assertThat(r.to()).containsExactly("jane@example.org", "list@vger.kernel.org");
        assertThat(r.cc()).containsExactly("linux-kernel@vger.kernel.org");
        assertThat(r.revisionsTested()).isEqualTo(4);
        assertThat(r.totalTime()).isEqualTo("2h3m4.5s");
        assertThat(r.buildTime()).isEqualTo("1h0m0s");
        assertThat(r.testTime()).isEqualTo("1h3m4.5s");
        assertThat(r.releasesTested()).containsExactly("v6.8", "v6.7");
        assertThat(r.originalCrashTitle()).isEqualTo("WARNING in foo_bar");
        assertThat(r.culpritSignature()).isEqualTo(SIG1);
        assertThat(r.parentSignature()).isEqualTo(SIG2);
        assertThat(r.reproducerFlaky()).isTrue();
        assertThat(r.reproChance()).isEqualTo(0.42);
        assertThat(r.accumulatedErrorProbability()).isEqualTo(0.05);
        assertThat(r.crash().title()).isEqualTo("WARNING in foo_bar");
        assertThat(r.crash().report()).isEqualTo(
                "------------[ cut here ]------------\nWARNING: CPU: 0 PID: 1 at fs/foo/bar.c:10 foo_bar+0x1/0x2");
        assertThat(r.crash().truncated()).isFalse();
        assertThat(r.errorMessage()).isNull();
        assertThat(r.inconclusiveCommits()).isNull();
    }

    @Test
    void readsEveryTestedRevisionWithPhaseCompilerSignatureAndVerdicts() {
        BisectionReport r = report(CAUSE_2024);
        assertThat(r.revisions()).extracting(TestedRevision::hash, TestedRevision::phase, TestedRevision::release)
                .containsExactly(
                        tuple(A, Phase.ORIGINAL, null),
                        tuple(B, Phase.RELEASE, "v6.8"),
                        tuple(C, Phase.RELEASE, "v6.7"),
                        tuple(D, Phase.BISECT, null),
                        tuple(C, Phase.PARENT, null));
        TestedRevision original = r.revisions().get(0);
        assertThat(original.compiler()).isEqualTo("gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40");
        assertThat(original.signature()).isEqualTo(SIG1);
        assertThat(original.line()).isEqualTo(6);
        assertThat(original.verdicts()).containsExactly(
                new RunVerdict(0, Kind.OK, ""),
                new RunVerdict(1, Kind.CRASHED, "WARNING in foo_bar"),
                new RunVerdict(2, Kind.BOOT_FAILED, "can't ssh into the instance"),
                new RunVerdict(3, Kind.TEST_FAILED, "timed out"),
                new RunVerdict(4, Kind.INFRA, "failed to create VM"),
                new RunVerdict(5, Kind.IGNORE, "lost connection to test machine"));
        assertThat(r.revisions().get(1).verdicts())
                .containsExactly(new RunVerdict(RunVerdict.ALL_RUNS, Kind.CRASHED, "WARNING in foo_bar"));
        assertThat(r.revisions().get(4).verdicts()).isEmpty();
        assertThat(r.revisions().get(4).buildFailed()).isFalse();
    }

    @Test
    void readsGitBisectStepsWithRevisionCounts() {
        assertThat(report(CAUSE_2024).bisectSteps()).containsExactly(
                new BisectStep("start", java.util.List.of(B, C), 1, 1, 28),
                new BisectStep("bad", java.util.List.of(D), null, null, 36));
    }

    @Test
    void readsTheCulpritCommitBlock() {
        Commit c = report(CAUSE_2024).culprit();
        assertThat(c.hash()).isEqualTo(D);
        assertThat(c.title()).isEqualTo("foo: do the thing");
        assertThat(c.authorName()).isEqualTo("Jane Doe");
        assertThat(c.authorEmail()).isEqualTo("jane@example.org");
        assertThat(c.author()).isEqualTo("Jane Doe <jane@example.org>");
        assertThat(c.date()).isEqualTo("Mon Feb 26 15:45:03 2024 -0600");
        assertThat(c.body()).containsExactly(
                "Longer explanation", "over two lines.", "",
                "Fixes: 0123456789ab (\"foo: old thing\")",
                "Reported-by: syzbot+1234@syzkaller.appspotmail.com",
                "Signed-off-by: Jane Doe <jane@example.org>",
                "Link: https://lore.kernel.org/r/1");
        assertThat(c.trailers()).containsExactly(
                new Trailer("Fixes", "0123456789ab (\"foo: old thing\")"),
                new Trailer("Reported-by", "syzbot+1234@syzkaller.appspotmail.com"),
                new Trailer("Signed-off-by", "Jane Doe <jane@example.org>"),
                new Trailer("Link", "https://lore.kernel.org/r/1"));
        assertThat(c.files()).containsExactly(new ChangedFile("fs/foo/bar.c", 12), new ChangedFile("fs/foo/baz.c", 3));
        assertThat(c.isMerge()).isFalse();
    }

    @Test
    void boundsTheCrashReportAndNotesTheCut() {
        BisectionReport r = new LogParser(20).parse(CAUSE_2024).report();
        String full = "------------[ cut here ]------------\nWARNING: CPU: 0 PID: 1 at fs/foo/bar.c:10 foo_bar+0x1/0x2";
        assertThat(r.crash().report()).isEqualTo(full.substring(0, 20));
        assertThat(r.crash().truncated()).isTrue();
        assertThat(r.crash().originalLength()).isEqualTo(full.length());
        assertThat(new LogParser(0).parse(CAUSE_2024).report().crash().report()).isEmpty();
    }

    @Test
    void readsOldGitRawDiffTreeAsChangedDirectories() throws IOException {
        Commit c = CorpusTest.parse(corpus("cause-culprit-2019-tags-rawdiff-cc.txt")).report().culprit();
        assertThat(c.files()).containsExactly(new ChangedFile("net", null));
        assertThat(c.trailers()).extracting(Trailer::key).containsExactly("Signed-off-by", "Signed-off-by");
    }

    @Test
    void readsMergeParentsOfAMergeCulprit() throws IOException {
        Commit c = CorpusTest.parse(corpus("cause-culprit-2021-merge-commit.txt")).report().culprit();
        assertThat(c.mergeParents()).containsExactly("be6eff2da06b", "2ea5e42d4ff8");
        assertThat(c.isMerge()).isTrue();
        assertThat(c.files()).isEmpty();
    }

    @Test
    void readsReleaseTagsInOldGitBisectStart() throws IOException {
        BisectionReport r = CorpusTest.parse(corpus("cause-culprit-2019-hybrid-tags-compilers-diverted.txt")).report();
        assertThat(r.bisectSteps().get(0).command()).isEqualTo("start");
        assertThat(r.bisectSteps().get(0).revisions()).containsExactly("v4.12", "v4.11");
        assertThat(r.revisions()).extracting(TestedRevision::compiler).contains("gcc (GCC) 8.1.0", "gcc (GCC) 7.3.0");
    }

    @Test
    void readsTheTwoThousandNineteenSignaturePair() {
        String log = """
                bisecting cause commit starting from %1$s
                building syzkaller on %2$s
                testing commit %1$s with gcc (GCC) 8.1.0
                kernel signature: %3$s
                all runs: crashed: WARNING in x
                # git bisect bad %1$s
                %1$s is the first bad commit
                commit %1$s
                Author: A <a@b.c>
                Date:   Mon Dec 2 10:00:00 2019 +0000

                    x: y

                 x.c | 1 +
                kernel signature:   %3$s
                previous signature: %4$s
                revisions tested: 1, total time: 1m0s (build: 30s, test: 30s)
                first bad commit: %1$s x: y
                cc: ["a@b.c"]
                """.formatted(A, B, "3".repeat(40), "4".repeat(40));
        BisectionReport r = report(log);
        assertThat(r.culpritSignature()).isEqualTo("3".repeat(40));
        assertThat(r.parentSignature()).isEqualTo("4".repeat(40));
        assertThat(r.revisions().get(0).signature()).isEqualTo("3".repeat(40));
        assertThat(r.to()).isNull();
        assertThat(r.cc()).containsExactly("a@b.c");
    }

    @Test
    void readsAFixBisectionWithPreChecksAsFix() throws IOException {
        BisectionReport r = CorpusTest.parse(corpus("fix-culprit-2025-revision-had-bug-checks.txt")).report();
        assertThat(r.type()).isEqualTo(BisectionType.FIX);
        assertThat(r.outcome()).isEqualTo(Outcome.FIX);
        assertThat(r.revisions()).extracting(TestedRevision::phase)
                .containsSubsequence(Phase.ORIGINAL, Phase.MINIMIZATION, Phase.HEAD, Phase.BISECT, Phase.MERGE_BASE, Phase.BISECT);
        assertThat(r.minimization().droppedInstrumentation())
                .containsExactlyInAnyOrder("hang", "memleak", "ubsan", "bug_or_warning", "locking", "atomic_sleep");
    }

    @Test
    void readsSliceMinimization() throws IOException {
        BisectionReport r = CorpusTest.parse(corpus("cause-culprit-2025-full-current-format.txt")).report();
        assertThat(r.minimization().base()).isEqualTo(5036);
        assertThat(r.minimization().full()).isEqualTo(7876);
        assertThat(r.minimization().diff()).isEqualTo(2066);
        assertThat(r.minimization().minimizedTo()).isEqualTo(1239);
        assertThat(r.minimization().suspects()).startsWith("ACPI_CORE", "ACPI_CORE1");
        assertThat(r.minimization().outcome()).isEqualTo("minimized to 1239 configs");
        assertThat(r.revisions()).filteredOn(t -> t.phase() == Phase.MINIMIZATION).hasSize(6);
    }

    @Test
    void readsANotFoundResultWithACommitMessageAndAMultiLineCrashTitle() throws IOException {
        BisectionReport r = CorpusTest.parse(corpus("fix-head-build-errors-2024.txt")).report();
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_FIXED_ON_HEAD);
        assertThat(r.notFoundCommitTitle()).isEqualTo("Merge branch 'for-next/core' into for-kernelci");
        assertThat(r.crash().title()).startsWith("failed building ").doesNotContain("\n");
        assertThat(r.crash().report()).startsWith("net/netfilter/nf_tables_api.c:9941:25: error:");
        TestedRevision head = r.revisions().get(r.revisions().size() - 1);
        assertThat(head.phase()).isEqualTo(Phase.HEAD);
        assertThat(head.buildError()).startsWith("net/netfilter/nf_tables_api.c:9932:31: error:").contains("\n");
        assertThat(r.infoLines()).contains("HEAD had kernel build, boot or test errors");
    }

    @Test
    void keepsTheNewlinesOfAMultiLineErrorAndDropsTheTrailingEmptyLine() {
        String log = """
                bisecting cause commit starting from %s
                revisions tested: 0, total time: 1m2s (build: 0s, test: 0s)
                error: failed to run ["git" "bisect" "bad"]: exit status 3
                The merge base x is bad.

                This means the bug has been fixed.

                """.formatted(A);
        BisectionReport r = report(log);
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorMessage()).isEqualTo(
                "failed to run [\"git\" \"bisect\" \"bad\"]: exit status 3\nThe merge base x is bad.\n\nThis means the bug has been fixed.");
    }

    @Test
    void readsInconclusiveCandidatesInLogOrder() {
        String log = """
                bisecting cause commit starting from %1$s
                revisions tested: 3, total time: 1h0m0s (build: 30m0s, test: 30m0s)
                bisection is inconclusive, the first bad commit could be any of:
                %2$s
                %3$s
                %2$s
                """.formatted(A, B, C);
        BisectionReport r = report(log);
        assertThat(r.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(r.inconclusiveCommits()).containsExactly(B, C, B);
    }

    @Test
    void readsTheOldestReleaseOutcomeFromEitherWording() {
        for (String wording : new String[] {
            "the crash already happened on the oldest tested release",
            "oldest tested release already had the bug or it had kernel test errors"}) {
            BisectionReport r = report("""
                    bisecting cause commit starting from %s
                    revisions tested: 9, total time: 1h0m0s (build: 30m0s, test: 30m0s)
                    %s
                    commit msg: Linux 4.19
                    crash: WARNING in x
                    report line
                    """.formatted(A, wording));
            assertThat(r.outcome()).as(wording).isEqualTo(Outcome.OLDEST_RELEASE_HAS_BUG);
            assertThat(r.notFoundCommitTitle()).isEqualTo("Linux 4.19");
            assertThat(r.crashTitle()).isEqualTo("WARNING in x");
        }
    }

    @Test
    void readsTheTypeFromTheResultWhenTheBeginningIsCut() {
        ParseResult result = parser.parse("""
                s: OK
                revisions tested: 9, total time: 1h0m0s (build: 30m0s, test: 30m0s)
                first good commit: %s fix it
                recipients (to): []
                recipients (cc): []
                """.formatted(A));
        assertThat(result.report().type()).isEqualTo(BisectionType.FIX);
        assertThat(result.report().outcome()).isEqualTo(Outcome.FIX);
        assertThat(result.report().startCommit()).isNull();
        assertThat(result.report().to()).isEmpty();
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "1: no \"bisecting cause|fixing commit\" line: the beginning of the log is missing, the start commit is unknown");
    }

    @Test
    void reportsALogWithoutSummaryAsTruncated() {
        ParseResult result = parser.parse("""
                bisecting cause commit starting from %1$s
                building syzkaller on %2$s
                testing commit %1$s gcc
                all runs: crashed: WARNING in""".formatted(A, B));
        assertThat(result.report().outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(result.report().revisionsTested()).isNull();
        assertThat(result.report().revisions()).hasSize(1);
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "4: no \"revisions tested\" summary: the log has no result (its last line is cut)");
    }

    @Test
    void reportsACutResultLineAsTruncated() {
        ParseResult result = parser.parse("""
                bisecting cause commit starting from %1$s
                revisions tested: 9, total time: 1h0m0s (build: 30m0s, test: 30m0s)
                first bad commit: %2$s foo: do the""".formatted(A, B));
        assertThat(result.report().outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(result.report().culpritHash()).isNull();
        assertThat(result.problems()).extracting(Problem::toString)
                .contains("3: the result line is cut: the log ends in the middle of it");
    }

    @Test
    void doesNotTrustAHeaderLineCutInTheMiddle() {
        ParseResult result = parser.parse("bisecting cause commit starting from " + A.substring(0, 18));
        assertThat(result.report().startCommit()).isNull();
        assertThat(result.report().type()).isEqualTo(BisectionType.CAUSE);
        assertThat(result.problems()).extracting(Problem::toString)
                .contains("1: the \"bisecting\" line is cut: the start commit is unknown");
    }

    @Test
    void readsTheResultAfterTheLastSummaryLine() {
        ParseResult result = parser.parse("""
                bisecting cause commit starting from %1$s
                revisions tested: 1, total time: 1m0s (build: 30s, test: 30s)
                error: first
                revisions tested: 2, total time: 2m0s (build: 1m0s, test: 1m0s)
                error: second
                """.formatted(A));
        assertThat(result.report().revisionsTested()).isEqualTo(2);
        assertThat(result.report().errorMessage()).isEqualTo("second");
        assertThat(result.problems()).extracting(Problem::line).containsExactly(4);
    }

    @Test
    void readsAnEmptyLogAsTruncated() {
        ParseResult result = parser.parse("");
        assertThat(result.report().outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(result.report().type()).isNull();
        assertThat(result.problems()).containsExactly(new Problem(0, "empty log"));
    }

    @Test
    void readsCrlfLogsLikeLfLogs() {
        ParseResult crlf = parser.parse(CAUSE_2024.replace("\n", "\r\n"));
        assertThat(crlf.report()).isEqualTo(report(CAUSE_2024));
        assertThat(crlf.problems()).containsExactly(new Problem(1, "CRLF line ends; the CRs are dropped"));
    }

    @Test
    void keepsTheFirstPartOfAnOverlongLine() {
        String longTitle = "x".repeat(LogParser.MAX_LINE_LENGTH + 10);
        ParseResult result = parser.parse("""
                bisecting cause commit starting from %1$s
                revisions tested: 1, total time: 1m0s (build: 30s, test: 30s)
                first bad commit: %1$s %2$s
                cc: []
                """.formatted(A, longTitle));
        assertThat(result.report().culpritTitle()).hasSize(LogParser.MAX_LINE_LENGTH - 59);
        assertThat(result.problems()).containsExactly(new Problem(3,
                "line of " + (LogParser.MAX_LINE_LENGTH + 69) + " characters cut to its first " + LogParser.MAX_LINE_LENGTH));
    }

    @Test
    void keepsBuildErrorsAndPrefersThePrefixedRepeat() {
        BisectionReport r = report("""
                bisecting cause commit starting from %1$s
                testing commit %2$s gcc
                compiler: gcc 12
                fs/x.c:1:2: error: bare
                failed building %2$s: fs/x.c:1:2: error: bare
                fs/x.c:3:4: error: second
                # git bisect skip %2$s
                testing commit %3$s with gcc (GCC) 8.1.0
                failed to run ["make" "bzImage"]: exit status 2
                testing release v5.0
                """.formatted(A, B, C));
        assertThat(r.revisions()).extracting(TestedRevision::buildError).containsExactly(
                "fs/x.c:1:2: error: bare\nfs/x.c:3:4: error: second",
                "failed to run [\"make\" \"bzImage\"]: exit status 2");
        assertThat(r.revisions().get(0).signature()).isNull();
    }

    @Test
    void ignoresTheContinuationLinesOfAMultiLineVerdict() {
        BisectionReport r = report("""
                bisecting cause commit starting from %1$s
                testing commit %1$s with gcc (GCC) 8.1.0
                run #0: basic kernel testing failed: failed to copy test binary to VM: exit status 1
                Connection timed out during banner exchange
                lost connection

                run #1: OK
                """.formatted(A));
        assertThat(r.revisions().get(0).verdicts()).extracting(RunVerdict::run, RunVerdict::kind)
                .containsExactly(tuple(0, Kind.TEST_FAILED), tuple(1, Kind.OK));
        assertThat(r.revisions().get(0).buildError()).isNull();
    }

    @Test
    void readsLegacyFlakyFlags() {
        assertThat(report("bisecting cause commit starting from " + A + "\nReproducer flagged being flaky\n")
                .reproducerFlaky()).isTrue();
        assertThat(report("bisecting cause commit starting from " + A + "\n").reproducerFlaky()).isFalse();
    }

    @Test
    void notesAnUnreadableRecipientListAndKeepsWhatItCould() {
        ParseResult result = parser.parse("""
                bisecting cause commit starting from %1$s
                revisions tested: 1, total time: 1m0s (build: 30s, test: 30s)
                first bad commit: %1$s t
                cc: ["a@b.c" "d@e
                """.formatted(A));
        assertThat(result.report().outcome()).isEqualTo(Outcome.CULPRIT);
        assertThat(result.report().cc()).containsExactly("a@b.c");
        assertThat(result.problems()).extracting(Problem::line).containsExactly(4);
    }

    private static Path corpus(String name) {
        return Corpus.root().resolve(name);
    }

    @Test
    void aStartCommitCutShortIsNotNamed() {
        ParseResult r = new LogParser(64 * 1024).parse("bisecting cause commit starting from c4f1d2d24b574ad708");
        assertThat(r.report().startCommit()).isNull();
        assertThat(r.report().type()).isEqualTo(BisectionType.CAUSE);
        assertThat(r.problems()).extracting(Problem::toString)
                .contains("1: start commit is cut short: c4f1d2d24b574ad708");
    }
}

package dev.culprit.fixes;

import dev.culprit.learn.Urls;
import static dev.culprit.fixes.LearnFixtures.MAILED;
import static dev.culprit.fixes.LearnFixtures.commit;
import static dev.culprit.fixes.LearnFixtures.mailCulprit;
import static dev.culprit.fixes.LearnFixtures.sidecar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Label;
import dev.culprit.model.Sidecar;
import dev.culprit.store.Database;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixScanTest {
    private static final String A = "aaaaaaaaaaaa000000000000000000000000000a";
    private static final String B = "bbbbbbbbbbbb000000000000000000000000000b";
    private static final String C = "cccccccccccc000000000000000000000000000c";
    private static final String D = "dddddddddddd000000000000000000000000000d";
    private static final Instant LATER = MAILED.plus(Duration.ofDays(3));
    private static final String ARCHIVE = "https://lore.example.org/r/{messageId}";

    @TempDir
    Path dir;

    private Database db;
    private Git git;
    private long a;
    private long b;
    private long c;
    private long d;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.inMemory();
        a = mailCulprit(db, A, "mm: add a leak", sidecar("Bot+A@example.org", null), MAILED);
        b = mailCulprit(db, B, "net: add a race", sidecar(null, "https://dash.example.org/bug?id=b"), MAILED.plusSeconds(60));
        c = mailCulprit(db, C, "fs: add a deadlock", Sidecar.empty(), MAILED.plusSeconds(120));
        d = mailCulprit(db, D, "usb: add a hang", Sidecar.empty(), MAILED.plusSeconds(180));
        git = LearnFixtures.init(dir.resolve("linux"));
        commit(git, "an old commit\n\nFixes: aaaaaaaaaaaa\nReported-by: bot+a@example.org\n", MAILED.minus(Duration.ofDays(1)));
    }

    @AfterEach
    void tearDown() throws Exception {
        git.close();
        db.close();
    }

    private FixScan scan(List<String> refs) {
        return new FixScan(new LearnSettings(dir.resolve("linux"), refs, null, null), ARCHIVE, new Labels(db), new LabelCounts(db),
                Clock.fixed(LATER, ZoneOffset.UTC));
    }

    private FixScan scan() {
        return scan(null);
    }

    private List<Label> labels(long id) throws Exception {
        return new Labels(db).of(id);
    }

    @Test
    void labelsExactlyTheResultsItsFixesPointAt() throws Exception {
        commit(git, "mm: fix the leak\n\nFixes: AAAAAAAAAAAA (\"mm: add a leak\")\nReported-by: Bot <bot+a@EXAMPLE.org>\n", LATER);
        commit(git, "net: fix a race\n\nFixes: 1234567890ab (\"net: something else\")\nCloses: HTTPS://DASH.example.org/bug?id=b/\n",
                LATER);
        commit(git, "fs: fix the deadlock\n\nLink: " + Urls.archiveLink(ARCHIVE, LearnFixtures.messageId(C, "fs: add a deadlock"))
                + "\n", LATER);

        FixScan.Pass pass = scan().run();

        assertThat(pass.problems()).isEmpty();
        assertThat(pass.commitsRead()).as("the commit older than the oldest mail is not read").isEqualTo(3);
        assertThat(labels(a)).singleElement().satisfies(l -> {
            assertThat(l.value()).isEqualTo(Label.Value.RIGHT);
            assertThat(l.source()).isEqualTo(Label.Source.FIX);
            assertThat(l.culprit()).isEqualTo(A);
            assertThat(l.evidence()).contains("Fixes: aaaaaaaaaaaa (\"mm: add a leak\")");
        });
        assertThat(labels(b)).singleElement().extracting(Label::value, Label::culprit)
                .containsExactly(Label.Value.WRONG, "1234567890ab");
        assertThat(labels(c)).as("linked by the archive link, but no Fixes: trailer").isEmpty();
        assertThat(labels(d)).isEmpty();
        assertThat(pass.linked()).isEqualTo(3);
        assertThat(pass.labelled()).isEqualTo(2);
        assertThat(pass.undecided()).isEqualTo(1);
    }

    @Test
    void aRebasedCulpritIsRecognisedByItsQuotedTitle() throws Exception {
        commit(git, "mm: fix\n\nFixes: 0f0f0f0f0f0f (\"mm: add a leak\")\nReported-by: bot+a@example.org\n", LATER);

        scan().run();

        assertThat(labels(a)).singleElement().extracting(Label::value).isEqualTo(Label.Value.RIGHT);
    }

    @Test
    void aSecondPassReadsOnlyTheNewCommits() throws Exception {
        commit(git, "one\n\nFixes: aaaaaaaaaaaa\nReported-by: bot+a@example.org\n", LATER);
        assertThat(scan().run().commitsRead()).isEqualTo(1);

        assertThat(scan().run().commitsRead()).as("nothing new").isZero();
        commit(git, "two\n\nFixes: 999999999999\nCloses: https://dash.example.org/bug?id=b\n", LATER.plusSeconds(1));
        FixScan.Pass second = scan().run();

        assertThat(second.commitsRead()).isEqualTo(1);
        assertThat(labels(a)).hasSize(1);
        assertThat(labels(b)).singleElement().extracting(Label::value).isEqualTo(Label.Value.WRONG);
    }

    @Test
    void historyRewrittenUnderTheScanIsReadAgainAndLabelsNothingTwice() throws Exception {
        RevCommit base = commit(git, "base\n", LATER);
        commit(git, "mm: fix\n\nFixes: aaaaaaaaaaaa\nReported-by: bot+a@example.org\n", LATER.plusSeconds(1));
        commit(git, "doomed\n", LATER.plusSeconds(2));
        scan().run();
        // the tree is rebased: the fix is committed again (a new hash), the last commit seen is gone
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(base.name()).call();
        commit(git, "mm: fix\n\nFixes: aaaaaaaaaaaa\nReported-by: bot+a@example.org\n", LATER.plusSeconds(10));
        commit(git, "net: fix\n\nFixes: bbbbbbbbbbbb\nCloses: https://dash.example.org/bug?id=b\n", LATER.plusSeconds(11));

        FixScan.Pass again = scan().run();

        assertThat(again.commitsRead()).as("read again from the oldest mailed culprit").isEqualTo(3);
        assertThat(labels(a)).as("the same fix, rebased, labels once").hasSize(1);
        assertThat(labels(b)).singleElement().extracting(Label::value).isEqualTo(Label.Value.RIGHT);
    }

    @Test
    void aMissingDirectoryARepositoryThatIsNoneAndAMissingRefAreReportedAndLabelNothing() throws Exception {
        commit(git, "mm: fix\n\nFixes: aaaaaaaaaaaa\nReported-by: bot+a@example.org\n", LATER);
        Files.createDirectories(dir.resolve("plain"));

        assertThat(new FixScan(new LearnSettings(dir.resolve("nowhere"), null, null, null), null, new Labels(db), new LabelCounts(db),
                Clock.systemUTC()).run().problems())
                .containsExactly("learn.git-dir: " + dir.resolve("nowhere") + " does not exist or is not a directory");
        assertThat(new FixScan(new LearnSettings(dir.resolve("plain"), null, null, null), null, new Labels(db), new LabelCounts(db),
                Clock.systemUTC()).run().problems())
                .containsExactly("learn.git-dir: " + dir.resolve("plain") + " is not a git repository (no .git, not a bare repository)");
        assertThat(scan(List.of("refs/heads/next", "HEAD")).run().problems())
                .containsExactly("learn.refs: refs/heads/next does not exist in " + dir.resolve("linux") + "; nothing read on it");
        assertThat(labels(a)).as("HEAD was still read").hasSize(1);
    }

    @Test
    void aShallowCloneIsRefused() throws Exception {
        commit(git, "mm: fix\n\nFixes: aaaaaaaaaaaa\nReported-by: bot+a@example.org\n", LATER);
        commit(git, "more\n", LATER.plusSeconds(1));
        Path shallow = dir.resolve("shallow");
        Git.cloneRepository().setURI(dir.resolve("linux").toUri().toString()).setDirectory(shallow.toFile()).setDepth(1).call().close();

        FixScan.Pass pass = new FixScan(new LearnSettings(shallow, null, null, null), null, new Labels(db), new LabelCounts(db),
                Clock.systemUTC()).run();

        assertThat(pass.problems()).singleElement().asString().startsWith("learn.git-dir: " + shallow + " is a shallow clone");
        assertThat(labels(a)).isEmpty();
    }

    @Test
    void aFixBisectionIsNeverLinked() throws Exception {
        long fix = LearnFixtures.mailFix(db, "eeeeeeeeeeee00000000000000000000000000ee", MAILED);
        commit(git, "x\n\nFixes: eeeeeeeeeeee\nReported-by: bot+a@example.org\n", LATER);

        scan().run();

        assertThat(labels(fix)).isEmpty();
        assertThat(labels(a)).singleElement().extracting(Label::value).isEqualTo(Label.Value.WRONG);
    }
}

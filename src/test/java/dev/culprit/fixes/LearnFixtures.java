package dev.culprit.fixes;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Outcome;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Sidecar;
import dev.culprit.model.Verdict;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.testing.TestMails;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Mailed culprits in a store and fix histories in a JGit repository, built by the tests. */
final class LearnFixtures {
    static final Instant MAILED = Instant.parse("2026-03-01T00:00:00Z");

    private LearnFixtures() {}

    /** A sidecar with a credit address and a dashboard link (either may be null). */
    static Sidecar sidecar(String reportedBy, String dashboard) {
        return new Sidecar(null, null, new Sidecar.Links(dashboard, null, null, null, null), null, reportedBy, null, null);
    }

    /** Stores a cause bisection's culprit and marks its mail sent at {@code sentAt}; returns its row id. */
    static long mailCulprit(Database db, String hash, String title, Sidecar side, Instant sentAt) throws Exception {
        BisectionReport report = BisectionReport.builder().type(BisectionType.CAUSE).outcome(Outcome.CULPRIT)
                .culpritHash(hash).culpritTitle(title).originalCrashTitle("crash " + hash).build();
        return store(db, report, side, sentAt);
    }

    /** Stores a fix bisection's result, mailed. */
    static long mailFix(Database db, String hash, Instant sentAt) throws Exception {
        BisectionReport report = BisectionReport.builder().type(BisectionType.FIX).outcome(Outcome.FIX)
                .culpritHash(hash).culpritTitle("the fix").originalCrashTitle("crash " + hash).build();
        return store(db, report, Sidecar.empty(), sentAt);
    }

    private static long store(Database db, BisectionReport report, Sidecar side, Instant sentAt) throws Exception {
        ResultKey key = ResultKey.of(report);
        String messageId = key.messageId(TestMails.DOMAIN);
        PreparedMail mail = new PreparedMail(key.shortId() + ".log", key, messageId, report, new Assessment(Verdict.MAIL, 1.0, List.of()),
                List.of(TestMails.to("dev@example.org")), "subject",
                TestMails.mime(messageId, "subject", "body\n", List.of(TestMails.to("dev@example.org"))), List.of(), side);
        new Outbox(db, Clock.fixed(sentAt, ZoneOffset.UTC)).intake().accept(mail, key.shortId() + ".log", key.sha256());
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "update outbox set state = 'sent', sent_at = ? where key_hash = ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
            ps.setString(2, key.sha256());
            ps.executeUpdate();
        }
        return new dev.culprit.store.Labels(db).idOf(key).orElseThrow();
    }

    /** The Message-ID a culprit's mail got. */
    static String messageId(String hash, String title) {
        BisectionReport report = BisectionReport.builder().type(BisectionType.CAUSE).outcome(Outcome.CULPRIT)
                .culpritHash(hash).culpritTitle(title).originalCrashTitle("crash " + hash).build();
        return ResultKey.of(report).messageId(TestMails.DOMAIN);
    }

    static Git init(Path dir) throws Exception {
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call();
    }

    static RevCommit commit(Git git, String message, Instant when) throws Exception {
        PersonIdent who = new PersonIdent("Dev", "dev@example.org", when, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAllowEmpty(true).setAuthor(who).setCommitter(who).setSign(false).call();
    }
}

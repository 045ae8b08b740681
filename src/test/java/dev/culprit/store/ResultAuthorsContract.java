package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import dev.culprit.testing.TestMails;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The blamed commit's author kept with each result: the migration marks the results stored before
 * it as not recorded (their author is found by the recipients' reasons), and intake records the
 * author even when the author is no recipient. Subclasses pick the database.
 */
abstract class ResultAuthorsContract {
    /** The last migration before the one that adds the author. */
    static final String BEFORE = "32";
    static final String HASH = "7a819b1f87a1c0ffee0123456789abcdef012345";
    static final ResultKey KEY = new ResultKey("cause|culprit|WARNING in x|" + HASH);
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    /** A new, empty database. */
    abstract String url();

    abstract String user();

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void aResultStoredBeforeTheMigrationIsMarkedNotRecorded() throws Exception {
        String url = url();
        Flyway.configure().dataSource(url, user(), null).locations("classpath:db/migration").target(BEFORE).load().migrate();
        OffsetDateTime t = NOW.atOffset(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(url, user(), null)) {
            update(c, """
                    insert into outbox (id, result_key, key_hash, message_id, source, verdict, state, next_attempt_at,
                        created_at, updated_at)
                    values (1, ?, ?, '<old@example.org>', 'x.log', 'mail', 'sent', ?, ?, ?)""", KEY.value(), KEY.sha256(),
                    t, t, t);
            update(c, "insert into outbox_recipient (outbox_id, position, address, field, reasons, state)"
                    + " values (1, 0, 'author@example.org', 'to', 'author of the culprit commit 7a819b1f87a1', 'sent')");
            update(c, "insert into outbox_message (outbox_id, message) values (1, ?)", "Subject: x\r\n\r\nbody\r\n".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
            update(c, "insert into result_summary (outbox_id) values (1)");
        }
        try (Database db = Database.open(url, user(), null); Connection c = db.connection()) {
            RepliedResults.Found f = new RepliedResults(db, Clock.systemUTC()).byMessageId(c, "<old@example.org>").orElseThrow();

            assertThat(f.authorRecorded()).isFalse();
            assertThat(f.author()).isNull();
            assertThat(f.recipients()).extracting(OutboxRecipient::address).containsExactly("author@example.org");
        }
    }

    @Test
    void intakeRecordsTheAuthorTheRecipientsLeftOut() throws Exception {
        try (Database db = Database.open(url(), user(), null)) {
            BisectionReport r = ReportBuilder.culprit().culprit(ReportBuilder.commit(HASH, "fix", "A. Author",
                    "Author@Example.org", List.of())).build();
            BisectionReport none = ReportBuilder.culprit().noCulprit().build();
            Outbox outbox = new Outbox(db, Clock.fixed(NOW, ZoneOffset.UTC));
            outbox.intake().accept(mail("k1", r), "k1.log", "c1");
            outbox.intake().accept(mail("k2", none), "k2.log", "c2");

            try (Connection c = db.connection()) {
                RepliedResults results = new RepliedResults(db, Clock.systemUTC());
                RepliedResults.Found f = results.byMessageId(c, new ResultKey("k1").messageId(TestMails.DOMAIN)).orElseThrow();
                RepliedResults.Found n = results.byMessageId(c, new ResultKey("k2").messageId(TestMails.DOMAIN)).orElseThrow();

                assertThat(f.recipients()).extracting(OutboxRecipient::address).containsExactly("maint@example.org");
                assertThat(f.authorRecorded()).isTrue();
                assertThat(f.author()).isEqualToIgnoringCase("author@example.org");
                assertThat(n.authorRecorded()).as("recorded as none").isTrue();
                assertThat(n.author()).isNull();
            }
        }
    }

    private static PreparedMail mail(String key, BisectionReport r) {
        PreparedMail plain = TestMails.mail(key, TestMails.to("maint@example.org", "maintainer of fs/hfsplus"));
        return new PreparedMail(plain.source(), plain.key(), plain.messageId(), r, new Assessment(Verdict.MAIL, 1.0, List.of()),
                plain.recipients(), plain.subject(), plain.message(), List.of());
    }
}

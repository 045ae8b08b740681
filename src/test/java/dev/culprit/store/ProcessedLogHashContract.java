package dev.culprit.store;

import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import dev.culprit.store.HistoryEvent.Kind;
import dev.culprit.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A result's processed logs are read by the indexed hash of its key and by the key: the migration
 * hashes the keys of the logs processed before it, intake writes the hash of new ones, and a key
 * too long in bytes for an index entry of its own is read like any other. Subclasses pick the database.
 */
abstract class ProcessedLogHashContract {
    static final String KEY = "cause|culprit|KASAN: slab-out-of-bounds in g|" + "5".repeat(40);
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    /** More logs than the migration hashes in one round trip. */
    static final int OTHER_LOGS = 2_500;

    final MutableClock clock = new MutableClock(T0);

    /** A new, empty database. */
    abstract String url();

    abstract String user();

    private static void processed(PreparedStatement ps, String content, String log, String key, String disposition, Instant at)
            throws Exception {
        ps.setString(1, content);
        ps.setString(2, log);
        ps.setString(3, key);
        ps.setString(4, disposition);
        ps.setObject(5, at.atOffset(ZoneOffset.UTC));
        ps.addBatch();
    }

    /** A store of the version before the hash: one skipped result with two logs, many other logs, one without a key. */
    private void storeOfTheVersionBefore(String url) throws Exception {
        Flyway.configure().dataSource(url, user(), null).locations("classpath:db/migration").target("33").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user(), null)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into outbox (result_key, key_hash, message_id, source, verdict, state, next_attempt_at,
                        created_at, updated_at)
                    values (?, ?, ?, 'first.log', 'skip', 'skipped', ?, ?, ?)""")) {
                OffsetDateTime t = T0.atOffset(ZoneOffset.UTC);
                ps.setString(1, KEY);
                ps.setString(2, new ResultKey(KEY).sha256());
                ps.setString(3, new ResultKey(KEY).messageId("culprit.test"));
                ps.setObject(4, t);
                ps.setObject(5, t);
                ps.setObject(6, t);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into processed_log"
                    + " (content_hash, log_name, result_key, disposition, processed_at) values (?, ?, ?, ?, ?)")) {
                processed(ps, "c-first", "first.log", KEY, "skipped", T0);
                processed(ps, "c-again", "again.log", KEY, "duplicate-result", T0.plusSeconds(60));
                processed(ps, "c-nokey", "nokey.log", null, "skipped", T0);
                for (int i = 0; i < OTHER_LOGS; i++) {
                    processed(ps, "c-other-" + i, "other-" + i + ".log", "fix|fix|other " + i + "|", "skipped", T0);
                }
                ps.executeBatch();
            }
        }
    }

    @Test
    void theMigrationHashesTheKeysOfLogsProcessedBeforeAndTheirHistoryReadsThemWithTheNewOnes() throws Exception {
        String url = url();
        storeOfTheVersionBefore(url);
        try (Database db = Database.open(url, user(), null)) {
            Map<String, String> hashes = new HashMap<>();
            Map<String, String> keys = new HashMap<>();
            try (Connection c = db.connection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select content_hash, result_key, result_key_hash from processed_log")) {
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getString(2));
                    hashes.put(rs.getString(1), rs.getString(3));
                }
            }
            assertThat(hashes).hasSize(OTHER_LOGS + 3).containsEntry("c-nokey", null)
                    .containsEntry("c-first", new ResultKey(KEY).sha256()).containsEntry("c-again", new ResultKey(KEY).sha256());
            keys.forEach((content, key) -> {
                if (key != null) {
                    assertThat(hashes.get(content)).as(content).isEqualTo(new ResultKey(key).sha256());
                }
            });

            clock.advance(Duration.ofHours(1));
            Acceptance after = new Outbox(db, clock).intake().accept(mail(KEY, Verdict.SKIP, to("a@example.org")), "later.log", "c-later");
            assertThat(after.disposition()).isEqualTo(Acceptance.Disposition.DUPLICATE_RESULT);

            ResultHistory.History h = new ResultHistory(db).of(new ResultKey(KEY).shortId());
            assertThat(h.events()).filteredOn(e -> e.kind() == Kind.RECEIVED).extracting(e -> e.fields().get("log"))
                    .containsExactly("first.log", "again.log", "later.log");
        }
    }

    @Test
    void aKeyTooLongInBytesForAnIndexEntryIsStoredAndItsLogsRead() throws Exception {
        String title = "BUG: unable to handle page fault in ";
        String commit = "|" + "9".repeat(40);
        String prefix = "cause|culprit|" + title;
        // the longest key the outbox keeps, three bytes a character: over PostgreSQL's btree entry limit (2,704 bytes)
        String key = prefix + "\u2603".repeat(2000 - prefix.length() - commit.length()) + commit;
        assertThat(key).hasSize(2000);
        assertThat(key.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2704 * 2);
        try (Database db = Database.open(url(), user(), null)) {
            Intake intake = new Outbox(db, clock).intake();
            assertThat(intake.accept(mail(key, to("a@example.org")), "long.log", "c-long").disposition())
                    .isEqualTo(Acceptance.Disposition.QUEUED);
            clock.advance(Duration.ofMinutes(1));
            assertThat(intake.accept(mail(key, to("a@example.org")), "long-again.log", "c-long-again").disposition())
                    .isEqualTo(Acceptance.Disposition.DUPLICATE_RESULT);

            ResultHistory.History h = new ResultHistory(db).of(new ResultKey(key).shortId());

            assertThat(h.resultKey()).isEqualTo(key);
            assertThat(h.events()).filteredOn(e -> e.kind() == Kind.RECEIVED).extracting(e -> e.fields().get("log"))
                    .containsExactly("long.log", "long-again.log");
        }
    }

    @Test
    void aLogOfAnotherKeyWithTheSameHashIsNotShown() throws Exception {
        try (Database db = Database.open(url(), user(), null)) {
            new Outbox(db, clock).intake().accept(mail(KEY, to("a@example.org")), "mine.log", "c-mine");
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("insert into processed_log"
                    + " (content_hash, log_name, result_key, result_key_hash, disposition, processed_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, "c-colliding");
                ps.setString(2, "colliding.log");
                ps.setString(3, "cause|culprit|another result|" + "6".repeat(40));
                ps.setString(4, new ResultKey(KEY).sha256());
                ps.setString(5, "queued");
                ps.setObject(6, T0.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }

            ResultHistory.History h = new ResultHistory(db).of(new ResultKey(KEY).shortId());

            assertThat(h.events()).filteredOn(e -> e.kind() == Kind.RECEIVED).extracting(e -> e.fields().get("log"))
                    .containsExactly("mine.log");
        }
    }
}

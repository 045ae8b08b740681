package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.CulpritThread;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * One thread per culprit in the store: the migration fills the culprit column of the mails
 * stored before it, and the lookup finds the first mail queued or sent within the window.
 * Subclasses pick the database.
 */
abstract class CulpritThreadsContract {
    static final String HASH = "94dacdbd5d2dfa2cffd308f128d78c99f855f5be";
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    /** A new, empty database. */
    abstract String url();

    abstract String user();

    private static void row(Connection c, String key, String hash, String state, Instant created) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox (result_key, key_hash, message_id, source, verdict, state, next_attempt_at,
                    created_at, updated_at)
                values (?, ?, ?, 'x.log', 'mail', ?, ?, ?, ?)""")) {
            OffsetDateTime t = created.atOffset(ZoneOffset.UTC);
            ps.setString(1, key);
            ps.setString(2, hash);
            ps.setString(3, "<" + hash + "@example.org>");
            ps.setString(4, state);
            ps.setObject(5, t);
            ps.setObject(6, t);
            ps.setObject(7, t);
            ps.executeUpdate();
        }
    }

    @Test
    void theMigrationFillsTheCulpritOfMailsStoredBeforeFromTheirKey() throws Exception {
        String url = url();
        Flyway.configure().dataSource(url, user(), null).locations("classpath:db/migration").target("28").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user(), null)) {
            row(c, "cause|culprit|WARNING in bpf_check|" + HASH, "a1", "sent", NOW);
            row(c, "cause|culprit||" + HASH, "a2", "pending", NOW);
            row(c, "fix|fix|WARNING in foo|" + HASH, "a3", "sent", NOW);
            row(c, "cause|error|WARNING in foo||" + HASH + "|no reproducer|", "a4", "sent", NOW);
        }
        try (Database db = Database.open(url, user(), null); Connection c = db.connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select key_hash, culprit from outbox order by key_hash")) {
            Map<String, String> culprits = new LinkedHashMap<>();
            while (rs.next()) {
                culprits.put(rs.getString(1), rs.getString(2));
            }
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("a1", HASH);
            expected.put("a2", HASH);
            expected.put("a3", null);
            expected.put("a4", null);
            assertThat(culprits).isEqualTo(expected);
        }
    }

    @Test
    void theFirstMailQueuedOrSentWithinTheWindowStartsTheThread() throws Exception {
        try (Database db = Database.open(url(), user(), null)) {
            try (Connection c = db.connection()) {
                row(c, "cause|culprit|too old|" + HASH, "b0", "sent", NOW.minusSeconds(40L * 86400));
                row(c, "cause|culprit|held|" + HASH, "b1", "held", NOW.minusSeconds(20L * 86400));
                row(c, "cause|culprit|first|" + HASH, "b2", "sent", NOW.minusSeconds(10L * 86400));
                row(c, "cause|culprit|second|" + HASH, "b3", "pending", NOW.minusSeconds(86400));
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("update outbox set culprit = '" + HASH + "'");
                    s.executeUpdate("insert into result_blame (key_hash, culprit, crash, created_at)"
                            + " select key_hash, culprit, substr(result_key, 15, char_length(result_key) - 55), created_at"
                            + " from outbox");
                }
            }
            CulpritThreads threads = new CulpritThreads(db);
            CulpritThread t = threads.find(HASH, "second", NOW.minusSeconds(30L * 86400));
            assertThat(t.messageId()).isEqualTo("<b2@example.org>");
            assertThat(t.otherCrashes()).containsExactly("first", "held", "too old");
            assertThat(threads.find(HASH, null, NOW).messageId()).isNull();
            assertThat(threads.find("0".repeat(40), null, Instant.EPOCH)).isEqualTo(new CulpritThread(null, List.of()));
        }
    }
}

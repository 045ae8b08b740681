package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retention SQL against the real outbox schema, migrated by Flyway; subclasses pick the database. */
abstract class SentBodiesContract {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private Database db;
    private SentBodies bodies;

    abstract Database openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
        bodies = new SentBodies(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void mail(String key, String state, Instant sentAt) throws SQLException {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into outbox (result_key, key_hash, message_id, source, verdict, state, next_attempt_at,"
                            + " created_at, updated_at, sent_at) values (?, ?, ?, ?, 'mail', ?, ?, ?, ?, ?)")) {
                OffsetDateTime created = OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(400)), ZoneOffset.UTC);
                ps.setString(1, key);
                ps.setString(2, key);
                ps.setString(3, "<" + key + "@example.org>");
                ps.setString(4, key + ".log");
                ps.setString(5, state);
                ps.setObject(6, created);
                ps.setObject(7, created);
                ps.setObject(8, created);
                ps.setObject(9, sentAt == null ? null : OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into outbox_message (outbox_id, message) select id, ? from outbox where result_key = ?")) {
                ps.setBytes(1, ("Subject: " + key + "\r\n\r\nbody\r\n").getBytes());
                ps.setString(2, key);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private void ledger(String key, String address, Instant sentAt) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "insert into sent_ledger (outbox_id, address, is_list, sent_at)"
                        + " select id, ?, false, ? from outbox where result_key = ?")) {
            ps.setString(1, address);
            ps.setObject(2, OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC));
            ps.setString(3, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private int ledgerEntries() throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select count(*) from sent_ledger");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    @Test
    void removesLedgerEntriesBeforeTheCutoffButNeverWithinTheCapsDay() throws Exception {
        mail("old", "sent", NOW.minus(Duration.ofDays(100)));
        mail("recent", "sent", NOW.minus(Duration.ofHours(20)));
        ledger("old", "a@example.org", NOW.minus(Duration.ofDays(100)));
        ledger("old", "b@example.org", NOW.minus(Duration.ofDays(100)));
        ledger("recent", "a@example.org", NOW.minus(Duration.ofHours(20)));

        bodies.purgeSentBefore(NOW.minus(Duration.ofDays(90)));
        assertThat(ledgerEntries()).isEqualTo(1);

        // a cutoff within the last day still keeps what the daily cap counts
        bodies.purgeSentBefore(NOW.minus(Duration.ofHours(1)));
        assertThat(ledgerEntries()).isEqualTo(1);
    }

    private int bodyLength(String key) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select octet_length(m.message) from outbox o"
                        + " join outbox_message m on m.outbox_id = o.id where o.result_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void emptiesOnlyBodiesOfMailsSentBeforeTheCutoff() throws Exception {
        Instant cutoff = NOW.minus(Duration.ofDays(90));
        mail("old-sent", "sent", cutoff.minus(Duration.ofDays(1)));
        mail("new-sent", "sent", cutoff.plus(Duration.ofDays(1)));
        mail("old-pending", "pending", null);
        mail("old-held", "held", null);
        mail("old-failed", "failed", cutoff.minus(Duration.ofDays(30)));

        assertThat(bodies.purgeSentBefore(cutoff)).isEqualTo(1);

        assertThat(bodyLength("old-sent")).isZero();
        assertThat(bodyLength("new-sent")).isPositive();
        assertThat(bodyLength("old-pending")).isPositive();
        assertThat(bodyLength("old-held")).isPositive();
        assertThat(bodyLength("old-failed")).isPositive();
    }

    @Test
    void aSecondRunFindsNothingLeftToRemove() throws Exception {
        mail("old-sent", "sent", NOW.minus(Duration.ofDays(200)));
        assertThat(bodies.purgeSentBefore(NOW.minus(Duration.ofDays(90)))).isEqualTo(1);
        assertThat(bodies.purgeSentBefore(NOW.minus(Duration.ofDays(90)))).isZero();
    }
}

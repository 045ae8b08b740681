package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal files an earlier version left beside the database, applied when the store is opened. */
class EarlierJournalTest {
    @TempDir
    Path dir;

    private static String line(int id) {
        return "{\"at\":\"2026-02-03T04:05:07.123456Z\",\"outcome\":{\"id\":" + id + ",\"owner\":\"old:1\",\"state\":\"SENT\","
                + "\"attempts\":0,\"nextAttemptAt\":\"2026-02-03T04:05:06Z\",\"lastError\":null,"
                + "\"recipients\":{\"0\":{\"state\":\"SENT\",\"error\":null}},"
                + "\"ledger\":[{\"address\":\"dev" + id + "@example.org\",\"list\":false}]}}";
    }

    @Test
    void aLineCutShortByACrashIsSkippedAndItsMailGoesOutAgainWhileTheOthersAreApplied() throws Exception {
        String url = new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("24").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (int id = 1; id <= 2; id++) {
                s.execute("insert into outbox (id, result_key, key_hash, message_id, source, verdict, state, next_attempt_at,"
                        + " claimed_by, lease_until, created_at, updated_at) values (" + id + ", 'k" + id + "', 'hash" + id
                        + "', '<k" + id + "@example.org>', 'k.log', 'mail', 'sending', current_timestamp, 'old:1',"
                        + " current_timestamp, current_timestamp, current_timestamp)");
                s.execute("insert into outbox_message (outbox_id, message) values (" + id + ", X'53756268')");
                s.execute("insert into outbox_recipient (outbox_id, position, address, field, reasons, state) values ("
                        + id + ", 0, 'dev" + id + "@example.org', 'to', 'author', 'pending')");
            }
            s.execute("shutdown");
        }
        Path journal = dir.resolve("culprit.journal");
        Files.createDirectories(journal);
        String cut = line(2);
        Files.writeString(journal.resolve("00000001.journal"), line(1) + "\n" + cut.substring(0, cut.length() / 2));

        try (Database db = Database.open(url, null, null)) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            assertThat(journal).doesNotExist();
            assertThat(outbox.status().inState(OutboxState.SENT, 10)).extracting(OutboxMail::id).containsExactly(1L);
            assertThat(outbox.ledger().personalMailsSince("dev1@example.org", java.time.Instant.EPOCH)).isEqualTo(1);
            // the mail of the cut line was sent or not: it goes out again, under the same Message-ID
            assertThat(outbox.claims().recoverAbandoned()).isEqualTo(1);
            assertThat(outbox.status().inState(OutboxState.PENDING, 10)).extracting(OutboxMail::id).containsExactly(2L);
        }
    }
}

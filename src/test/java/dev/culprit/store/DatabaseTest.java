package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void closingTheEmbeddedStoreKeepsItsDataAndLeavesNoTraceFile(@TempDir Path dir) throws Exception {
        String url = new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl();
        try (Database db = Database.open(url, null, null); Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("insert into opt_out (address, added_at) values ('a@example.org', current_timestamp)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("culprit.mv.db");
        }
        try (Database db = Database.open(url, null, null); Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from opt_out")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void anOutboxOfTheEarlierLayoutKeepsItsMessagesAndLedger(@TempDir Path dir) throws Exception {
        String url = new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("21").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("""
                    insert into outbox (result_key, key_hash, message_id, source, verdict, state, message, next_attempt_at,
                        created_at, updated_at)
                    values ('k', 'abcdef0123456789abcdef01', '<k@example.org>', 'k.log', 'mail', 'pending', X'53756268',
                        current_timestamp, current_timestamp, current_timestamp)""");
            s.execute("insert into sent_ledger (outbox_id, address, is_list, sent_at)"
                    + " select id, 'a@example.org', false, current_timestamp from outbox");
            s.execute("shutdown");
        }
        try (Database db = Database.open(url, null, null)) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            assertThat(outbox.status().find("abcdef0123456789abcdef01")).get()
                    .satisfies(m -> assertThat(new String(m.message(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("Subh"));
            assertThat(outbox.ledger().personalMailsSince("a@example.org", java.time.Instant.EPOCH)).isEqualTo(1);
            try (Connection c = db.connection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from information_schema.columns"
                            + " where lower(table_name) = 'outbox' and lower(column_name) = 'message'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void recipientsStoredBeforeTheirKindWasKeptAreListsWhenTheirReasonSaidSo(@TempDir Path dir) throws Exception {
        String url = new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("25").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("""
                    insert into outbox (result_key, key_hash, message_id, source, verdict, state, next_attempt_at,
                        created_at, updated_at)
                    values ('k', 'abcdef0123456789abcdef01', '<k@example.org>', 'k.log', 'mail', 'pending',
                        current_timestamp, current_timestamp, current_timestamp)""");
            s.execute("insert into outbox_message (outbox_id, message) select id, X'53756268' from outbox");
            s.execute("""
                    insert into outbox_recipient (outbox_id, position, address, field, reasons, state)
                    select id, 0, 'dev@example.org', 'to', 'author of the culprit', 'pending' from outbox
                    union all select id, 1, 'linux-mm@kvack.org', 'cc', 'Mailing list of the changed code, named by the bisection',
                        'pending' from outbox""");
            s.execute("shutdown");
        }
        try (Database db = Database.open(url, null, null)) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            assertThat(outbox.status().find("abcdef0123456789abcdef01")).get()
                    .satisfies(m -> assertThat(m.recipients()).extracting(r -> r.recipient().kind())
                            .containsExactly(dev.culprit.model.Recipient.Kind.PERSON, dev.culprit.model.Recipient.Kind.LIST));
        }
    }
}

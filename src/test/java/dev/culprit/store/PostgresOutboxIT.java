package dev.culprit.store;

import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Verdict;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server: migrations, claims with SKIP LOCKED and leases. */
class PostgresOutboxIT {
    private static EmbeddedPostgres pg;
    private static Database db;
    private Outbox outbox;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        db = Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        db.close();
        pg.close();
    }

    @BeforeEach
    void clean() throws Exception {
        try (Connection c = db.connection(); var s = c.createStatement()) {
            s.execute("truncate outbox, outbox_recipient, sent_ledger, processed_log, opt_out, delivery_status cascade");
        }
        outbox = new Outbox(db, Clock.systemUTC());
    }

    @Test
    void migrationsCreateTheSchema() throws Exception {
        assertThat(db.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
        try (Connection c = db.connection();
                ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            Set<String> tables = new HashSet<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables).contains("outbox", "outbox_recipient", "sent_ledger", "processed_log", "opt_out",
                    "delivery_status", "flyway_schema_history");
        }
    }

    @Test
    void storesClaimsAndRecordsAMail() throws Exception {
        var m = mail("k1", to("dev@example.org"));
        assertThat(outbox.intake().accept(m, "1.log", "h1").disposition()).isEqualTo(Acceptance.Disposition.QUEUED);
        assertThat(outbox.intake().accept(mail("k2", Verdict.MODERATE, to("dev@example.org")), "2.log", "h2").disposition())
                .isEqualTo(Acceptance.Disposition.HELD);
        OutboxMail claimed = outbox.claims().claim("pg-test", 10, Duration.ofMinutes(5)).get(0);
        assertThat(claimed.message()).isEqualTo(m.message());
        assertThat(outbox.outcomes().update(new MailUpdate(claimed.id(), "pg-test", OutboxState.SENT, 0, java.time.Instant.now(), null,
                Map.of(0, new MailUpdate.RecipientChange(OutboxRecipient.State.SENT, null)),
                List.of(new MailUpdate.LedgerEntry("dev@example.org", false))))).isTrue();
        assertThat(outbox.ledger().personalMailsSince("DEV@example.org", java.time.Instant.now().minusSeconds(60))).isEqualTo(1);
        assertThat(outbox.status().summary().count(OutboxState.SENT)).isEqualTo(1);
        assertThat(outbox.claims().recoverAbandoned()).as("a shared database leaves leases alone").isZero();
    }

    @Test
    void aSentMailIsRecordedInPlaceWhereAnotherInstanceMayTakeItOver() throws Exception {
        outbox.intake().accept(mail("k1", to("dev@example.org")), "1.log", "h1");
        OutboxMail claimed = outbox.claims().claim("pg-test", 10, Duration.ofMinutes(5)).get(0);
        assertThat(outbox.outcomes().update(new MailUpdate(claimed.id(), "pg-test", OutboxState.SENT, 0, java.time.Instant.now(), null,
                Map.of(0, new MailUpdate.RecipientChange(OutboxRecipient.State.SENT, null)),
                List.of(new MailUpdate.LedgerEntry("dev@example.org", false))))).isTrue();
        assertThat(outbox.status().summary().count(OutboxState.SENT)).isEqualTo(1);
        assertThat(outbox.ledger().personalMailsSince("dev@example.org", java.time.Instant.now().minusSeconds(60))).isEqualTo(1);
        // and an instance that lost its lease records nothing
        outbox.intake().accept(mail("k2", to("dev@example.org")), "2.log", "h2");
        OutboxMail second = outbox.claims().claim("pg-test", 10, Duration.ofMinutes(5)).get(0);
        assertThat(outbox.outcomes().update(new MailUpdate(second.id(), "someone-else", OutboxState.SENT, 0, java.time.Instant.now(), null,
                Map.of(), List.of()))).isFalse();
    }

    @Test
    void concurrentClaimersNeverGetTheSameMail() throws Exception {
        for (int i = 0; i < 200; i++) {
            outbox.intake().accept(mail("k" + i, to("dev" + i + "@example.org")), i + ".log", "h" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // the four claimers claim in rounds, released together, so that their claims overlap
        // however the threads are scheduled; 12 rounds of 4 x 7 more than cover the 200 mails
        CyclicBarrier round = new CyclicBarrier(4);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String owner = "instance-" + t;
                Callable<List<Long>> claimer = () -> {
                    List<Long> mine = new ArrayList<>();
                    for (int r = 0; r < 12; r++) {
                        round.await(5, TimeUnit.MINUTES);
                        outbox.claims().claim(owner, 7, Duration.ofMinutes(5)).forEach(m -> mine.add(m.id()));
                    }
                    return mine;
                };
                futures.add(pool.submit(claimer));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(200).doesNotHaveDuplicates();
            assertThat(futures).as("every claimer got mails").allMatch(f -> !getQuietly(f).isEmpty());
            assertThat(outbox.claims().claim("late", 7, Duration.ofMinutes(5))).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameResultStoredConcurrentlyIsStoredOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Acceptance>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int n = t;
                futures.add(pool.submit(() -> outbox.intake().accept(mail("same", to("dev@example.org")), n + ".log", "content-" + n)));
            }
            List<Acceptance.Disposition> d = new ArrayList<>();
            for (Future<Acceptance> f : futures) {
                d.add(f.get().disposition());
            }
            assertThat(Collections.frequency(d, Acceptance.Disposition.QUEUED)).isEqualTo(1);
            assertThat(Collections.frequency(d, Acceptance.Disposition.DUPLICATE_RESULT)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> getQuietly(Future<List<Long>> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

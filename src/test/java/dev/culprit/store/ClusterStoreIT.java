package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.Assessment;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store shared by several instances, on a real PostgreSQL server. */
class ClusterStoreIT {
    private static EmbeddedDb pg;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        pg.close();
    }

    private static Database open() throws StoreException {
        return Database.open(pg.newDatabase(), EmbeddedDb.USER, null);
    }

    @Test
    void migrationsCreateTheQuartzTablesWithAHistoryOfTheirOwn() throws Exception {
        try (Database db = open()) {
            assertThat(tables(db)).contains("qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers", "qrtz_fired_triggers",
                    "qrtz_scheduler_state", "qrtz_locks", "culprit_cluster", "quartz_schema_history", "outbox");
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "select max(version::int) from quartz_schema_history where success and version <> '0'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void reopeningAMigratedDatabaseChangesNothing() throws Exception {
        String url = pg.newDatabase();
        Database.open(url, EmbeddedDb.USER, null).close();
        try (Database db = Database.open(url, EmbeddedDb.USER, null)) {
            assertThat(tables(db)).contains("qrtz_locks", "culprit_cluster");
        }
    }

    @Test
    void firstClusteredInstanceMarksTheDatabase() throws Exception {
        try (Database db = open()) {
            assertThat(ClusterMode.mark(db)).isNull();
            Instant t = Instant.parse("2026-01-01T10:00:00Z");
            ClusterMode.enforce(db, true, "node-a", t);
            ClusterMode.enforce(db, true, "node-b", t.plusSeconds(5));
            assertThat(ClusterMode.mark(db)).isEqualTo(new ClusterMode.Mark("node-a", t));
        }
    }

    @Test
    void instanceWithoutClusterRefusesAClusteredDatabase() throws Exception {
        try (Database db = open()) {
            ClusterMode.enforce(db, false, "single", Instant.now());
            ClusterMode.enforce(db, true, "node-a", Instant.now());
            assertThatThrownBy(() -> ClusterMode.enforce(db, false, "single", Instant.now()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is shared by a cluster of instances")
                    .hasMessageContaining("marked by node-a")
                    .hasMessageContaining("state.cluster: true");
        }
    }

    @Test
    void concurrentClaimsNeverHandOutTheSameMailTwice() throws Exception {
        try (Database db = open()) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            int total = 300;
            for (int i = 0; i < total; i++) {
                outbox.intake().accept(mail("cause|culprit|claim race " + i + "|" + i), "log-" + i, "content-" + i);
            }
            int claimers = 4;
            // the claimers claim in rounds, released together, so that their claims overlap
            // however the threads are scheduled; 16 rounds of 4 x 7 more than cover the 300 mails
            CyclicBarrier round = new CyclicBarrier(claimers);
            ExecutorService pool = Executors.newFixedThreadPool(claimers);
            try {
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int n = 0; n < claimers; n++) {
                    String owner = "node-" + n;
                    Callable<List<Long>> claimer = () -> {
                        List<Long> mine = new ArrayList<>();
                        for (int r = 0; r < 16; r++) {
                            round.await(5, TimeUnit.MINUTES);
                            outbox.claims().claim(owner, 7, Duration.ofMinutes(5)).forEach(m -> mine.add(m.id()));
                        }
                        return mine;
                    };
                    results.add(pool.submit(claimer));
                }
                List<Long> all = new ArrayList<>();
                Set<Integer> claimersThatGotSome = new HashSet<>();
                for (int n = 0; n < claimers; n++) {
                    List<Long> mine = results.get(n).get();
                    all.addAll(mine);
                    if (!mine.isEmpty()) {
                        claimersThatGotSome.add(n);
                    }
                }
                assertThat(all).hasSize(total).doesNotHaveDuplicates();
                assertThat(claimersThatGotSome).as("SKIP LOCKED lets claimers proceed side by side").hasSize(claimers);
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "select count(*) from outbox where state = 'sending' and claimed_by is not null and lease_until is not null");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(total);
            }
        }
    }

    @Test
    void mailOfADeadSenderIsClaimedByAnotherOnceItsLeaseHasRunOut() throws Exception {
        try (Database db = open()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
            Outbox outbox = new Outbox(db, clock);
            outbox.intake().accept(mail("cause|culprit|lease|1"), "log-1", "content-1");
            Duration lease = Duration.ofSeconds(30);
            List<OutboxMail> a = outbox.claims().claim("node-a", 10, lease);
            assertThat(a).hasSize(1);

            clock.advance(Duration.ofSeconds(29));
            assertThat(outbox.claims().claim("node-b", 10, lease)).as("lease still held").isEmpty();

            clock.advance(Duration.ofSeconds(2));
            List<OutboxMail> b = outbox.claims().claim("node-b", 10, lease);
            assertThat(b).extracting(OutboxMail::messageId).containsExactly(a.get(0).messageId());

            assertThat(outbox.claims().renew(a.get(0).id(), "node-a", lease)).as("the old owner may no longer send it").isFalse();
            assertThat(outbox.outcomes().update(sent(a.get(0), "node-a"))).as("nor record an outcome").isFalse();
            assertThat(outbox.claims().renew(b.get(0).id(), "node-b", lease)).isTrue();
            assertThat(outbox.outcomes().update(sent(b.get(0), "node-b"))).isTrue();
            assertThat(outbox.status().summary().count(OutboxState.SENT)).isEqualTo(1);
        }
    }

    @Test
    void renewingBeforeEachSendKeepsAMailFromOthersBeyondTheFirstLease() throws Exception {
        try (Database db = open()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
            Outbox outbox = new Outbox(db, clock);
            outbox.intake().accept(mail("cause|culprit|renew|1"), "log-1", "content-1");
            Duration lease = Duration.ofSeconds(30);
            OutboxMail m = outbox.claims().claim("node-a", 10, lease).get(0);
            clock.advance(Duration.ofSeconds(25));
            assertThat(outbox.claims().renew(m.id(), "node-a", lease)).isTrue();
            clock.advance(Duration.ofSeconds(25));
            assertThat(outbox.claims().claim("node-b", 10, lease)).isEmpty();
            clock.advance(Duration.ofSeconds(6));
            assertThat(outbox.claims().claim("node-b", 10, lease)).hasSize(1);
        }
    }

    private static MailUpdate sent(OutboxMail m, String owner) {
        return new MailUpdate(m.id(), owner, OutboxState.SENT, m.attempts(), Instant.parse("2026-01-01T10:00:00Z"), null,
                java.util.Map.of(0, new MailUpdate.RecipientChange(OutboxRecipient.State.SENT, null)),
                List.of(new MailUpdate.LedgerEntry("dev@example.org", false)));
    }

    static PreparedMail mail(String key) {
        ResultKey k = new ResultKey(key);
        String id = k.messageId("culprit.test");
        byte[] body = ("Message-ID: " + id + "\r\nSubject: " + key + "\r\n\r\nResult " + key + "\r\n").getBytes(StandardCharsets.UTF_8);
        return new PreparedMail(key + ".log", k, id, null, new Assessment(Verdict.MAIL, 1.0, List.of()),
                List.of(new Recipient("dev@example.org", null, Recipient.Field.TO, List.of("author of the culprit"))),
                key, body, List.of());
    }

    private static Set<String> tables(Database db) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select table_name from information_schema.tables where table_schema = current_schema()");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** A clock the test moves by hand, to make leases run out without waiting. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

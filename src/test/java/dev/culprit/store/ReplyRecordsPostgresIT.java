package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record of replies on a real PostgreSQL server, where two instances of culprit share the
 * store: each opens its own pool, as two processes do.
 */
class ReplyRecordsPostgresIT extends ReplyRecordsContract {
    private static EmbeddedDb postgres;
    private String url;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    Database openDatabase() throws Exception {
        url = postgres.newDatabase();
        return Database.open(url, EmbeddedDb.USER, null);
    }

    /**
     * The second instance claims while the first one's transaction is still open: it waits on the
     * first's row, and when the first commits, it finds the reply handled and does nothing.
     */
    @Test
    void aSecondInstanceClaimingDuringTheFirstOnesTransactionFindsTheReplyHandled() throws Exception {
        try (Database other = Database.open(url, EmbeddedDb.USER, null)) {
            ReplyRecords second = new Outbox(other, clock).replies();
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            CompletableFuture<OptionalLong> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return db.inTransaction(c -> {
                        OptionalLong id = replies.claim(c, received(genuine(MID), null));
                        claimed.countDown();
                        assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
                        return id;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(claimed.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<OptionalLong> late = CompletableFuture.supplyAsync(() -> {
                try {
                    return other.inTransaction(c -> second.claim(c, received(genuine(MID), null)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(this::someoneWaitsOnALock);
            commit.countDown();

            assertThat(first.get(60, TimeUnit.SECONDS)).isPresent();
            assertThat(late.get(60, TimeUnit.SECONDS)).isEmpty();
            assertThat(count("reply_record")).isEqualTo(1);
        }
    }

    /** Whether a session of this database waits for a lock another one holds (the unique key's row). */
    private boolean someoneWaitsOnALock() throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}

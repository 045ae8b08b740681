package dev.culprit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.culprit.spool.ScanResult;
import dev.culprit.store.Database;
import dev.culprit.store.EmbeddedDb;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cluster's spool scan lock on a real PostgreSQL server, each node with a pool of its own. */
class ClusterScanLockIT {
    private static final ScanResult ONE_QUEUED = new ScanResult(1, 0, 0, 0, 0, 0);
    private static EmbeddedDb pg;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        pg.close();
    }

    @Test
    void noOtherNodeScansWhileOneIsScanning() throws Exception {
        String url = pg.newDatabase();
        try (Database a = Database.open(url, EmbeddedDb.USER, null); Database b = Database.open(url, EmbeddedDb.USER, null)) {
            ClusterScanLock nodeA = new ClusterScanLock(a.dataSource());
            ClusterScanLock nodeB = new ClusterScanLock(b.dataSource());
            boolean[] bScanned = {false};

            Optional<ScanResult> byA = nodeA.runExclusively(() -> {
                Optional<ScanResult> byB = nodeB.runExclusively(() -> {
                    bScanned[0] = true;
                    return ONE_QUEUED;
                });
                assertThat(byB).as("b skips its scan while a scans").isEmpty();
                return ONE_QUEUED;
            });

            assertThat(byA).contains(ONE_QUEUED);
            assertThat(bScanned[0]).isFalse();
            assertThat(nodeB.runExclusively(() -> ONE_QUEUED)).as("b scans once a is done").contains(ONE_QUEUED);
        }
    }

    @Test
    void aScanThatFailsLetsTheLockGo() throws Exception {
        String url = pg.newDatabase();
        try (Database a = Database.open(url, EmbeddedDb.USER, null); Database b = Database.open(url, EmbeddedDb.USER, null)) {
            ClusterScanLock nodeA = new ClusterScanLock(a.dataSource());
            assertThatThrownBy(() -> nodeA.runExclusively(() -> {
                throw new IOException("spool unreadable");
            })).isInstanceOf(IOException.class).hasMessage("spool unreadable");

            assertThat(new ClusterScanLock(b.dataSource()).runExclusively(() -> ONE_QUEUED)).contains(ONE_QUEUED);
            assertThat(nodeA.runExclusively(() -> ONE_QUEUED)).as("the pooled connection holds no lock").contains(ONE_QUEUED);
        }
    }

    @Test
    void theLockOfANodeWhoseSessionEndedIsFree() throws Exception {
        String url = pg.newDatabase();
        try (Database dying = Database.open(url, EmbeddedDb.USER, null); Database b = Database.open(url, EmbeddedDb.USER, null)) {
            ClusterScanLock nodeB = new ClusterScanLock(b.dataSource());
            Connection session = dying.connection();
            session.setAutoCommit(false);
            try (PreparedStatement ps = session.prepareStatement("select pg_advisory_xact_lock(?)")) {
                ps.setLong(1, ClusterScanLock.KEY);
                ps.execute();
            }
            assertThat(nodeB.runExclusively(() -> ONE_QUEUED)).as("held by a scanning node").isEmpty();

            // the node dies: its connection is cut without ending the transaction
            session.unwrap(Connection.class).abort(Runnable::run);

            await("free once that node's session is gone").atMost(Duration.ofMinutes(2))
                    .until(() -> nodeB.runExclusively(() -> ONE_QUEUED).isPresent());
        }
    }
}

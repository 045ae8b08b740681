package dev.culprit.schedule;

import dev.culprit.spool.ScanResult;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps the spool scan of a cluster on one node at a time: a PostgreSQL transaction-level
 * advisory lock, held on a connection of its own while one scan runs. Quartz's
 * {@code @DisallowConcurrentExecution} is not enough on its own: a node that is slow to check in
 * (a loaded machine, a long pause) is taken for dead and its running job is started again on
 * another node, and two triggers of the job acquired by two nodes at once can both fire. A scan
 * first takes up what {@code work/} holds, so two scans at once would process a log that the other
 * node has claimed and is still working on. The lock ends with its transaction: at the end of the
 * scan, or with the session of a node that died.
 */
final class ClusterScanLock {
    /** The advisory lock key: "culprit" and 1 in ASCII. */
    static final long KEY = 0x63756c7072697401L;

    /** A scan that may fail like the service's scan does. */
    @FunctionalInterface
    interface Scan {
        ScanResult run() throws IOException, StoreException;
    }

    private final DataSource dataSource;

    ClusterScanLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code scan} while holding the lock.
     *
     * @return what the scan did, or empty when another node is scanning (the scan did not run)
     */
    Optional<ScanResult> runExclusively(Scan scan) throws IOException, StoreException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    return Optional.empty();
                }
                return Optional.of(scan.run());
            } finally {
                // ends the transaction, and so the lock
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot take the cluster's spool scan lock: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}

package dev.culprit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a PostgreSQL store is shared by a cluster of instances. The first instance started
 * with {@code state.cluster: true} marks the database; from then on an instance without it
 * refuses to start there, since it would run its own schedule beside the cluster's. Leaving
 * cluster mode is a deliberate act: stop every instance and delete the row of
 * {@code culprit_cluster}.
 *
 * <p>The Quartz tables and the mark live in migrations of their own
 * ({@code db/postgresql}, history table {@value #HISTORY}), applied to every PostgreSQL store,
 * so that their versions never mix with the outbox schema's.
 */
public final class ClusterMode {
    private static final Logger log = LoggerFactory.getLogger(ClusterMode.class);
    static final String HISTORY = "quartz_schema_history";

    private ClusterMode() {}

    /** Any fixed number: the advisory lock that lets one instance at a time migrate a PostgreSQL store. */
    private static final long MIGRATION_LOCK = 0x63756c7072697431L;

    /**
     * Runs the store's migrations, then creates or updates the Quartz tables and the cluster
     * mark, holding an advisory lock so that instances started together migrate one after the
     * other.
     */
    static void migrate(DataSource ds, Runnable storeMigrations) throws SQLException {
        try (Connection lock = ds.getConnection()) {
            try (PreparedStatement ps = lock.prepareStatement("select pg_advisory_lock(?)")) {
                ps.setLong(1, MIGRATION_LOCK);
                ps.execute();
            }
            try {
                storeMigrations.run();
                Flyway.configure().dataSource(ds).locations("classpath:db/postgresql").table(HISTORY)
                        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            } finally {
                try (PreparedStatement ps = lock.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, MIGRATION_LOCK);
                    ps.execute();
                }
            }
        }
    }

    /**
     * When this instance belongs to a cluster: who marked the database, and since when.
     *
     * @param by the instance that marked it
     * @param since when it did
     */
    public record Mark(String by, Instant since) {}

    /**
     * Checks that this instance's {@code state.cluster} agrees with the database, marking the
     * database the first time a clustered instance starts on it.
     *
     * @param cluster this instance's {@code state.cluster}
     * @param instance this instance's name, recorded with the mark
     * @throws IllegalStateException when they disagree: a clustered instance on H2, or an
     *     instance without {@code state.cluster} on a clustered database; the message says what to do
     */
    public static void enforce(Database db, boolean cluster, String instance, Instant now) throws StoreException {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            if (cluster) {
                throw new IllegalStateException("state.cluster: several instances need a shared PostgreSQL database, not "
                        + db.description());
            }
            return;
        }
        Mark mark = mark(db);
        if (cluster && mark == null) {
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "insert into culprit_cluster (id, enabled_at, enabled_by) values (1, ?, ?) on conflict (id) do nothing")) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(2, instance);
                if (ps.executeUpdate() == 1) {
                    log.info("database {} marked as shared by a cluster of instances", db.description());
                }
            } catch (SQLException e) {
                throw new StoreException("cannot mark the database " + db.description() + " as clustered: " + e.getMessage(), e);
            }
        } else if (!cluster && mark != null) {
            throw new IllegalStateException("the database " + db.description() + " is shared by a cluster of instances"
                    + " (marked by " + mark.by() + " at " + mark.since() + ") but this instance does not have"
                    + " state.cluster: true; set it here as well, or to leave cluster mode stop every instance and run"
                    + " 'delete from culprit_cluster' on the database");
        }
    }

    /** The cluster mark of a PostgreSQL store, or null when it has none (or is H2). */
    public static Mark mark(Database db) throws StoreException {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return null;
        }
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select enabled_by, enabled_at from culprit_cluster where id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Mark(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()) : null;
        } catch (SQLException e) {
            throw new StoreException("cannot read the cluster mark of " + db.description() + ": " + e.getMessage(), e);
        }
    }

    /** A node of the cluster and when it last checked in, as Quartz records it. */
    public record Node(String instance, Instant lastCheckin) {}

    /** The nodes that checked in to the cluster's scheduler, most recent first; empty on H2. */
    public static java.util.List<Node> nodes(Database db) throws StoreException {
        java.util.List<Node> out = new java.util.ArrayList<>();
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return out;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select instance_name, last_checkin_time from qrtz_scheduler_state order by last_checkin_time desc");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Node(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the cluster's nodes from " + db.description() + ": " + e.getMessage(), e);
        }
    }
}

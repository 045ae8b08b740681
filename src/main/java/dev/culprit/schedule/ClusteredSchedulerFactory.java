package dev.culprit.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz with its clustered JDBC job store on the store's PostgreSQL database: every instance
 * with the same database is a node of one scheduler named {@value #CLUSTER}; each firing of a job
 * runs on one node, a job that does not run concurrently with itself does so across the whole
 * cluster, and the jobs of a node that stops checking in move to the others.
 *
 * <p>The tables ({@code qrtz_*}) come from the store's migrations. Quartz takes its connections
 * from the store's pool and does not close it.
 */
public final class ClusteredSchedulerFactory {
    /** The scheduler name shared by every node: Quartz's {@code SCHED_NAME}. */
    static final String CLUSTER = "culprit";
    /** How often a node records in the database that it is alive. */
    static final Duration CHECKIN = Duration.ofSeconds(5);

    private ClusteredSchedulerFactory() {}

    /**
     * @param dataSource the store's PostgreSQL connection pool
     * @param instanceId this node's name, unique in the cluster (host, process id and a random part)
     */
    public static Scheduler create(DataSource dataSource, String instanceId) throws SchedulerException {
        // Quartz looks connection providers up by name; a fresh name per scheduler keeps a
        // provider from outliving the pool it was made for
        String provider = "culprit-store-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(provider, new StoreConnections(dataSource));
        return new StdSchedulerFactory(properties(provider, instanceId)).getScheduler();
    }

    static Properties properties(String dataSourceName, String instanceId) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", CLUSTER);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass", PostgreSQLDelegate.class.getName());
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(CHECKIN.toMillis()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        return p;
    }

    /** Connections from the store's pool; closing the scheduler leaves the pool open. */
    private record StoreConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the store, which closes it after the scheduler has stopped
        }

        @Override
        public void initialize() {
            // the pool is open already
        }
    }
}

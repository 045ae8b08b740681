package dev.culprit.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the watchdog of a cluster node that the node is alive although the cluster's scheduler
 * may not have picked it for a job in a long while: the node checked in recently, and some job
 * fired or runs somewhere in the cluster. A node whose own Quartz stopped checking in, or a
 * cluster where nothing fires any more, reports nothing, so the watchdog still catches them.
 */
final class ClusterWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterWatch.class);

    private final DataSource dataSource;
    private final String instanceId;
    private final Consumer<String> active;
    private final ScheduledExecutorService timer;
    private long lastFired = -1;
    private boolean warned;

    ClusterWatch(DataSource dataSource, String instanceId, Consumer<String> active) {
        this.dataSource = dataSource;
        this.instanceId = instanceId;
        this.active = active;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "culprit-cluster-watch");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        long every = ClusteredSchedulerFactory.CHECKIN.toMillis() * 2;
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void check() {
        try (Connection c = dataSource.getConnection()) {
            long checkin = number(c, "select last_checkin_time from qrtz_scheduler_state where sched_name = ? and instance_name = ?",
                    instanceId);
            long late = System.currentTimeMillis() - checkin;
            if (checkin <= 0 || late > ClusteredSchedulerFactory.CHECKIN.toMillis() * 3) {
                if (!warned) {
                    log.warn("node {} has not checked in to the cluster for {} ms", instanceId, checkin <= 0 ? -1 : late);
                    warned = true;
                }
                return;
            }
            warned = false;
            long fired = number(c, "select coalesce(max(prev_fire_time), 0) from qrtz_triggers where sched_name = ?", null);
            long running = number(c, "select count(*) from qrtz_fired_triggers where sched_name = ? and state = 'EXECUTING'", null);
            if (fired > lastFired || running > 0) {
                lastFired = fired;
                active.accept("cluster: node " + instanceId + " checked in, jobs run in the cluster");
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("cannot read the cluster state: {}", e.getMessage());
        }
    }

    private static long number(Connection c, String sql, String instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ClusteredSchedulerFactory.CLUSTER);
            if (instance != null) {
                ps.setString(2, instance);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

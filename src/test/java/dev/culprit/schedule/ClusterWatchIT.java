package dev.culprit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.culprit.store.Database;
import dev.culprit.store.EmbeddedDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/** Quartz's clustered job store on a real PostgreSQL server, and the watch that keeps idle nodes alive. */
class ClusterWatchIT {
    private static EmbeddedDb pg;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        pg.close();
    }

    /** Does nothing; counts as a firing. */
    public static final class NoopJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }

    @Test
    void nodeThatChecksInWhileJobsFireIsActiveAndOneThatDoesNotIsNot() throws Exception {
        try (Database db = Database.open(pg.newDatabase(), EmbeddedDb.USER, null)) {
            Scheduler s = ClusteredSchedulerFactory.create(db.dataSource(), "host:1:node-a");
            try {
                assertThat(s.getMetaData().isJobStoreClustered()).isTrue();
                assertThat(s.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("JobStoreTX");
                s.scheduleJob(JobBuilder.newJob(NoopJob.class).withIdentity("noop", "test").build(),
                        TriggerBuilder.newTrigger().withIdentity("noop", "test").startNow()
                                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(200).repeatForever())
                                .build());
                s.start();
                await().atMost(Duration.ofMinutes(2)).until(() -> count(db, "select count(*) from qrtz_triggers where prev_fire_time > 0") == 1
                        && count(db, "select count(*) from qrtz_scheduler_state where instance_name = 'host:1:node-a'") == 1);

                List<String> active = new CopyOnWriteArrayList<>();
                ClusterWatch watch = new ClusterWatch(db.dataSource(), "host:1:node-a", active::add);
                watch.check();
                assertThat(active).hasSize(1);
                await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                    watch.check();
                    assertThat(active).hasSizeGreaterThan(1);
                });

                List<String> gone = new CopyOnWriteArrayList<>();
                new ClusterWatch(db.dataSource(), "host:2:never-checked-in", gone::add).check();
                assertThat(gone).as("a node that does not check in is not kept alive").isEmpty();

                s.pauseAll();
                await().atMost(Duration.ofMinutes(2)).until(() -> count(db,
                        "select count(*) from qrtz_fired_triggers where state = 'EXECUTING'") == 0);
                watch.check();
                int before = active.size();
                watch.check();
                assertThat(active).as("nothing fired since the last check").hasSize(before);
            } finally {
                s.shutdown(true);
            }
        }
    }

    private static long count(Database db, String sql) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

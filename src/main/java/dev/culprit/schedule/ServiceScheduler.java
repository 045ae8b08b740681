package dev.culprit.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz as the clock: an in-memory job store, the spool scan and the outbox delivery as two
 * jobs that never run concurrently with themselves, missed runs skipped rather than replayed,
 * and a directory watch that triggers the scan early. State lives in the store, not in Quartz.
 */
public final class ServiceScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceScheduler.class);
    static final JobKey SCAN = JobKey.jobKey("spool-scan", "culprit");
    static final JobKey DELIVER = JobKey.jobKey("outbox-deliver", "culprit");
    static final JobKey HOUSEKEEPING = JobKey.jobKey("housekeeping", "culprit");
    static final JobKey FIX_SCAN = JobKey.jobKey("fix-scan", "culprit");
    static final JobKey REPLY_POLL = JobKey.jobKey("reply-poll", "culprit");

    private final CulpritService service;
    private final ScheduleSettings settings;
    private final Path inbox;
    private final Scheduler scheduler;
    private final boolean clustered;
    private ClusterWatch clusterWatch;
    private ClusterScanLock scanLock;
    private InboxWatcher watcher;
    private Runnable housekeeping;
    private Duration housekeepingInterval;
    private Runnable fixScan;
    private Duration fixScanInterval;
    private Runnable replyPoll;
    private Duration replyPollInterval;
    private Function<Runnable, AutoCloseable> replyWatchStarter;
    private AutoCloseable replyWatch;

    /**
     * @param inbox the folder to watch for new logs, or null for no watch (a dry run over a spool
     *     that does not exist)
     */
    public ServiceScheduler(CulpritService service, ScheduleSettings settings, Path inbox) throws SchedulerException {
        this(service, settings, inbox, inMemory(), false);
    }

    private ServiceScheduler(CulpritService service, ScheduleSettings settings, Path inbox, Scheduler scheduler,
            boolean clustered) throws SchedulerException {
        this.service = service;
        this.settings = settings;
        this.inbox = inbox;
        this.scheduler = scheduler;
        this.clustered = clustered;
        scheduler.setJobFactory((bundle, s) -> newJob(bundle.getJobDetail().getJobClass()));
    }

    /**
     * A node of a cluster of instances sharing one PostgreSQL database: Quartz's clustered JDBC
     * job store runs the scan and the delivery on one node at a time and moves them to another
     * node when one dies. Each scan first takes up what {@code work/} holds, which in a cluster
     * can only be left there by a node that died, since the cluster's scan lock
     * ({@link ClusterScanLock}) keeps every other scan out meanwhile.
     *
     * @param dataSource the store's PostgreSQL connection pool, which holds the {@code qrtz_*} tables
     * @param instanceId this node's name, unique in the cluster
     */
    public static ServiceScheduler clustered(CulpritService service, ScheduleSettings settings, Path inbox,
            DataSource dataSource, String instanceId) throws SchedulerException {
        ServiceScheduler s = new ServiceScheduler(service, settings, inbox, ClusteredSchedulerFactory.create(dataSource, instanceId),
                true);
        s.clusterWatch = new ClusterWatch(dataSource, instanceId, service::clusterActive);
        s.scanLock = new ClusterScanLock(dataSource);
        return s;
    }

    private static Scheduler inMemory() throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "culprit-" + UUID.randomUUID());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        return new StdSchedulerFactory(p).getScheduler();
    }

    private Job newJob(Class<? extends Job> type) throws SchedulerException {
        if (type == SpoolScanJob.class) {
            return new SpoolScanJob(service, scanLock);
        }
        if (type == DeliveryJob.class) {
            return new DeliveryJob(service);
        }
        if (type == HousekeepingJob.class) {
            return housekeeping != null ? new HousekeepingJob(housekeeping) : unconfigured(type, "housekeeping", "retention");
        }
        if (type == FixScanJob.class) {
            return fixScan != null ? new FixScanJob(fixScan) : unconfigured(type, "the fix scan", "learn.git-dir");
        }
        if (type == ReplyPollJob.class) {
            return replyPoll != null ? new ReplyPollJob(replyPoll) : unconfigured(type, "the replies poll", "replies.host");
        }
        throw new SchedulerException("unknown job " + type.getName());
    }

    /**
     * An optional job this node has no configuration for: in a cluster it was stored by a node
     * whose configuration has it, and firing here only says so.
     */
    private Job unconfigured(Class<? extends Job> type, String what, String setting) throws SchedulerException {
        if (!clustered) {
            throw new SchedulerException("unknown job " + type.getName());
        }
        String node = scheduler.getSchedulerInstanceId();
        return context -> log.warn("{} fired on node {}, which has no {} configured; the nodes of a cluster need the same"
                + " configuration", what, node, setting);
    }

    /** Also runs {@code task} (retention) at start and then every {@code interval}; call before {@link #start()}. */
    public void housekeeping(Runnable task, Duration interval) {
        this.housekeeping = task;
        this.housekeepingInterval = interval;
    }

    /** Also reads the fix history ({@code task}) at start and then every {@code interval}; call before {@link #start()}. */
    public void fixScan(Runnable task, Duration interval) {
        this.fixScan = task;
        this.fixScanInterval = interval;
    }

    /**
     * Also reads the replies folder ({@code task}) at start and then every {@code interval}; call
     * before {@link #start()}.
     *
     * @param watch starts a watch that runs the runnable it is given when a reply arrives (IMAP
     *     IDLE), waking the poll early; closed with the scheduler. Null for none
     */
    public void replyPoll(Runnable task, Duration interval, Function<Runnable, AutoCloseable> watch) {
        this.replyPoll = task;
        this.replyPollInterval = interval;
        this.replyWatchStarter = watch;
    }

    /** Schedules both jobs, starts the watch, and runs the first scan at once. */
    public void start() throws SchedulerException, IOException {
        // replace: in a cluster the jobs are already stored by the first node (or by an older version)
        scheduleOptional(HousekeepingJob.class, HOUSEKEEPING, housekeeping != null, housekeepingInterval);
        scheduleOptional(FixScanJob.class, FIX_SCAN, fixScan != null, fixScanInterval);
        scheduleOptional(ReplyPollJob.class, REPLY_POLL, replyPoll != null, replyPollInterval);
        scheduler.scheduleJob(JobBuilder.newJob(SpoolScanJob.class).withIdentity(SCAN).build(),
                Set.of(repeating("spool-scan", settings.scanInterval().toMillis())), true);
        scheduler.scheduleJob(JobBuilder.newJob(DeliveryJob.class).withIdentity(DELIVER).build(),
                Set.of(repeating("outbox-deliver", settings.deliverInterval().toMillis())), true);
        if (replyPoll != null && replyWatchStarter != null) {
            replyWatch = replyWatchStarter.apply(() -> wake(REPLY_POLL));
        }
        if (settings.watch() && inbox != null) {
            watcher = new InboxWatcher(inbox, this::wakeScan);
            watcher.start();
        }
        scheduler.start();
        if (clusterWatch != null) {
            clusterWatch.start();
        }
        log.info("scanning every {} s, delivering every {} s{}{}", settings.scanInterval().toMillis() / 1000.0,
                settings.deliverInterval().toMillis() / 1000.0, watcher == null ? "" : ", watching " + inbox,
                clustered ? ", as node " + scheduler.getSchedulerInstanceId() + " of a cluster" : "");
    }

    /** Schedules an optional job when it is configured; else, in a cluster, removes the one an earlier node stored. */
    private void scheduleOptional(Class<? extends Job> type, JobKey key, boolean configured, Duration interval)
            throws SchedulerException {
        if (configured) {
            scheduler.scheduleJob(JobBuilder.newJob(type).withIdentity(key).build(),
                    Set.of(repeating(key.getName(), interval.toMillis())), true);
        } else if (clustered) {
            scheduler.deleteJob(key);
        }
    }

    private static Trigger repeating(String name, long millis) {
        return TriggerBuilder.newTrigger().withIdentity(name, "culprit").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    private void wakeScan() {
        wake(SCAN);
    }

    private void wake(JobKey job) {
        try {
            if (!service.stopping() && !scheduler.isShutdown()) {
                scheduler.triggerJob(job);
            }
        } catch (SchedulerException e) {
            log.debug("cannot wake {}: {}", job.getName(), e.getMessage());
        }
    }

    /**
     * Stops: no new job starts, the running ones finish the log or mail in hand, then this
     * returns.
     */
    @Override
    public void close() {
        service.stop();
        if (watcher != null) {
            watcher.close();
        }
        if (clusterWatch != null) {
            clusterWatch.close();
        }
        if (replyWatch != null) {
            try {
                replyWatch.close();
            } catch (Exception e) {
                log.warn("stopping the replies watch: {}", e.getMessage());
            }
        }
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("stopping the scheduler: {}", e.getMessage());
        }
    }
}

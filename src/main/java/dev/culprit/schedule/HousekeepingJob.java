package dev.culprit.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a periodic task that is neither scan nor delivery (retention), never twice at once. */
@DisallowConcurrentExecution
final class HousekeepingJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(HousekeepingJob.class);

    private final Runnable task;

    HousekeepingJob(Runnable task) {
        this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("housekeeping failed: {}", e.toString(), e);
        }
    }
}

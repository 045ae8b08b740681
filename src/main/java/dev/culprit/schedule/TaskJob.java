package dev.culprit.schedule;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;

/**
 * A job that runs one task and logs, rather than throws, what goes wrong with it, so that the
 * schedule goes on. Each task keeps a job class of its own: Quartz knows a job by its class (the
 * clustered job store keeps the class name) and the scheduler's job factory picks the task by it.
 */
abstract class TaskJob implements Job {
    private final Runnable task;
    private final Logger log;
    private final String failed;

    /**
     * @param log the job's own logger
     * @param failed the log message for a failure, with one {@code {}} for the error
     */
    TaskJob(Runnable task, Logger log, String failed) {
        this.task = task;
        this.log = log;
        this.failed = failed;
    }

    @Override
    public final void execute(JobExecutionContext context) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error(failed, e.toString(), e);
        }
    }
}

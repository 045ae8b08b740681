package dev.culprit.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a periodic task that is neither scan nor delivery (retention), never twice at once. */
@DisallowConcurrentExecution
final class HousekeepingJob extends TaskJob {
    private static final Logger log = LoggerFactory.getLogger(HousekeepingJob.class);

    HousekeepingJob(Runnable task) {
        super(task, log, "housekeeping failed: {}");
    }
}

package dev.culprit.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the fix history for labels, never twice at once; in a cluster on one node at a time, as
 * Quartz's clustered job store runs each job.
 */
@DisallowConcurrentExecution
final class FixScanJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(FixScanJob.class);

    private final Runnable scan;

    FixScanJob(Runnable scan) {
        this.scan = scan;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            scan.run();
        } catch (RuntimeException e) {
            log.error("fix scan failed: {}", e.toString(), e);
        }
    }
}

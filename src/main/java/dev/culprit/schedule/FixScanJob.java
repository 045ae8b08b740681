package dev.culprit.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the fix history for labels, never twice at once; in a cluster on one node at a time, as
 * Quartz's clustered job store runs each job.
 */
@DisallowConcurrentExecution
final class FixScanJob extends TaskJob {
    private static final Logger log = LoggerFactory.getLogger(FixScanJob.class);

    FixScanJob(Runnable scan) {
        super(scan, log, "fix scan failed: {}");
    }
}

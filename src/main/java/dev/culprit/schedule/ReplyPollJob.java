package dev.culprit.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the replies folder once, never twice at once; in a cluster on one node at a time, as
 * Quartz's clustered job store runs each job.
 */
@DisallowConcurrentExecution
final class ReplyPollJob extends TaskJob {
    private static final Logger log = LoggerFactory.getLogger(ReplyPollJob.class);

    ReplyPollJob(Runnable poll) {
        super(poll, log, "replies poll failed: {}");
    }
}

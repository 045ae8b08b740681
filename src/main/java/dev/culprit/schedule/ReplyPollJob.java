package dev.culprit.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the replies folder once, never twice at once; in a cluster on one node at a time, as
 * Quartz's clustered job store runs each job.
 */
@DisallowConcurrentExecution
final class ReplyPollJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(ReplyPollJob.class);

    private final Runnable poll;

    ReplyPollJob(Runnable poll) {
        this.poll = poll;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            poll.run();
        } catch (RuntimeException e) {
            log.error("replies poll failed: {}", e.toString(), e);
        }
    }
}

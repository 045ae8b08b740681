package dev.culprit.schedule;

import dev.culprit.spool.ScanResult;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans the spool into the outbox, then wakes the delivery job when it queued something. In a
 * cluster it first takes up the logs a dead node left in {@code work/}.
 */
@DisallowConcurrentExecution
final class SpoolScanJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(SpoolScanJob.class);

    private final CulpritService service;
    private final boolean recoverFirst;

    SpoolScanJob(CulpritService service, boolean recoverFirst) {
        this.service = service;
        this.recoverFirst = recoverFirst;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            ScanResult r = recoverFirst ? service.recover().plus(service.scan()) : service.scan();
            if (r.queued() > 0 && !service.stopping()) {
                context.getScheduler().triggerJob(ServiceScheduler.DELIVER);
            }
        } catch (java.io.IOException | dev.culprit.store.StoreException | RuntimeException e) {
            log.error("spool scan failed: {}", e.toString(), e);
        } catch (SchedulerException e) {
            log.debug("cannot wake the delivery job (shutting down?): {}", e.getMessage());
        }
    }
}

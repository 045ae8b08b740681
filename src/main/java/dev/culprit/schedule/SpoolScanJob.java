package dev.culprit.schedule;

import dev.culprit.spool.ScanResult;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans the spool into the outbox, then wakes the delivery job when it queued something. In a
 * cluster it first takes up the logs a dead node left in {@code work/}, holding the cluster's
 * scan lock so that no other node scans meanwhile; when another node holds it, this run does
 * nothing and the next one tries again.
 */
@DisallowConcurrentExecution
final class SpoolScanJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(SpoolScanJob.class);

    private final CulpritService service;
    private final ClusterScanLock clusterLock;

    /** @param clusterLock the cluster's scan lock, or null for a stand-alone instance */
    SpoolScanJob(CulpritService service, ClusterScanLock clusterLock) {
        this.service = service;
        this.clusterLock = clusterLock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            ScanResult r;
            if (clusterLock == null) {
                r = service.scan();
            } else {
                Optional<ScanResult> scanned = clusterLock.runExclusively(() -> service.recover().plus(service.scan()));
                if (scanned.isEmpty()) {
                    log.debug("spool scan skipped: another node of the cluster is scanning");
                    return;
                }
                r = scanned.get();
            }
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

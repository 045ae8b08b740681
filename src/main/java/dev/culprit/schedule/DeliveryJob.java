package dev.culprit.schedule;

import dev.culprit.store.StoreException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drains the outbox. */
@DisallowConcurrentExecution
final class DeliveryJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);

    private final CulpritService service;

    DeliveryJob(CulpritService service) {
        this.service = service;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            service.deliver();
        } catch (StoreException | RuntimeException e) {
            log.error("delivery failed: {}", e.getMessage(), e);
        }
    }
}

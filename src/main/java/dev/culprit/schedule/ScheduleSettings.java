package dev.culprit.schedule;

import java.time.Duration;

/**
 * The {@code schedule} section.
 *
 * @param scanInterval how often the spool is scanned (a directory watch wakes the scan sooner)
 * @param deliverInterval how often the outbox is drained
 * @param watch whether a directory watch on {@code inbox/} wakes the scan early
 */
public record ScheduleSettings(Duration scanInterval, Duration deliverInterval, Boolean watch) {
    public ScheduleSettings {
        scanInterval = scanInterval == null ? Duration.ofSeconds(30) : scanInterval;
        deliverInterval = deliverInterval == null ? Duration.ofSeconds(30) : deliverInterval;
        watch = watch == null ? Boolean.TRUE : watch;
        if (scanInterval.toMillis() < 100) {
            throw new IllegalArgumentException("scan-interval: must be at least 0.1 s: " + scanInterval);
        }
        if (deliverInterval.toMillis() < 100) {
            throw new IllegalArgumentException("deliver-interval: must be at least 0.1 s: " + deliverInterval);
        }
    }

    public static ScheduleSettings defaults() {
        return new ScheduleSettings(null, null, null);
    }
}

package dev.culprit.cli;

import dev.culprit.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Figures read from the store for the metrics, kept for a while so that the gauges of one scrape
 * (and scrapes close together) share one read. Null, with a warning, when the store cannot be read;
 * the next read is tried once the figures would have expired.
 */
final class KeptFigures<T> implements Supplier<T> {
    /** One read of the figures, at {@code now}. */
    @FunctionalInterface
    interface Read<T> {
        T read(Instant now) throws StoreException;
    }

    private final Clock clock;
    private final Duration keep;
    private final Logger log;
    private final String what;
    private final Read<T> read;
    private Instant readAt;
    private T last;

    /**
     * @param log the logger the warning goes to
     * @param what what cannot be read, for the warning ({@code the outbox})
     */
    KeptFigures(Clock clock, Duration keep, Logger log, String what, Read<T> read) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keep = Objects.requireNonNull(keep, "keep");
        this.log = Objects.requireNonNull(log, "log");
        this.what = Objects.requireNonNull(what, "what");
        this.read = Objects.requireNonNull(read, "read");
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt != null && now.isBefore(readAt.plus(keep))) {
            return last;
        }
        readAt = now;
        try {
            last = read.read(now);
        } catch (StoreException e) {
            log.warn("metrics: cannot read {}: {}", what, e.getMessage());
            last = null;
        }
        return last;
    }
}

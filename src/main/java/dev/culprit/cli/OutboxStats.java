package dev.culprit.cli;

import dev.culprit.ops.Metrics;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox figures for the metrics: mails waiting to be sent (pending or being sent, not held)
 * and the age of the oldest of them. One query per scrape at most: the figures are kept for a
 * second so that the gauges of one scrape share them. Null when the store cannot be read.
 */
final class OutboxStats implements Supplier<Metrics.OutboxSnapshot> {
    private static final Logger log = LoggerFactory.getLogger(OutboxStats.class);
    private static final Duration KEEP = Duration.ofSeconds(1);

    private final KeptFigures<Metrics.OutboxSnapshot> figures;

    OutboxStats(Outbox outbox, Clock clock) {
        Objects.requireNonNull(outbox, "outbox");
        this.figures = new KeptFigures<>(clock, KEEP, log, "the outbox", now -> snapshot(outbox.status().summary(), now));
    }

    private static Metrics.OutboxSnapshot snapshot(OutboxSummary s, Instant now) {
        long waiting = s.count(OutboxState.PENDING) + s.count(OutboxState.SENDING);
        Duration age = s.oldestPending().map(t -> Duration.between(t, now)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        return new Metrics.OutboxSnapshot(waiting, age);
    }

    @Override
    public Metrics.OutboxSnapshot get() {
        return figures.get();
    }
}

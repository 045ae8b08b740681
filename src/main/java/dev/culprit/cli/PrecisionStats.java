package dev.culprit.cli;

import dev.culprit.ops.Metrics;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The precision figures for the metrics and {@code culprit status}: over the last 90 days and all
 * time. For the metrics the figures are kept for a minute, so that the gauges of one scrape (and
 * scrapes close together) share two queries. Null when the store cannot be read.
 */
final class PrecisionStats implements Supplier<Metrics.PrecisionSnapshot> {
    private static final Logger log = LoggerFactory.getLogger(PrecisionStats.class);
    /** The recent period of the precision figures. */
    static final Duration RECENT = Duration.ofDays(90);
    private static final Duration KEEP = Duration.ofMinutes(1);

    private final LabelCounts counts;
    private final Clock clock;
    private final KeptFigures<Metrics.PrecisionSnapshot> figures;

    PrecisionStats(LabelCounts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
        this.figures = new KeptFigures<>(clock, KEEP, log, "the labels", now -> read());
    }

    /** The figures now, read from the store. */
    Metrics.PrecisionSnapshot read() throws StoreException {
        return new Metrics.PrecisionSnapshot(counts.precision(clock.instant().minus(RECENT)), counts.precision(null));
    }

    @Override
    public Metrics.PrecisionSnapshot get() {
        return figures.get();
    }
}

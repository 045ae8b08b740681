package dev.culprit.cli;

import dev.culprit.config.CulpritConfig;
import dev.culprit.ops.Retention;
import dev.culprit.ops.SentBodies;
import dev.culprit.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operational parts of the service wired from the configuration: watchdog limits, retention. */
final class OpsWiring {
    private static final Logger log = LoggerFactory.getLogger(OpsWiring.class);
    /** How often retention runs (and once at start). */
    static final Duration RETENTION_INTERVAL = Duration.ofHours(1);
    /** How long a watchdog exit waits for the shutdown hooks before halting the JVM. */
    static final Duration WATCHDOG_EXIT_GRACE = Duration.ofSeconds(30);

    private OpsWiring() {}

    /**
     * The watchdog counts a scan or delivery start as progress, so its timeout must exceed both
     * intervals, or an idle healthy service would be ended between two runs.
     */
    static Optional<String> scheduleProblem(CulpritConfig config) {
        Duration stall = config.watchdog().stallTimeout();
        Duration scan = config.schedule().scanInterval();
        Duration deliver = config.schedule().deliverInterval();
        if (stall.compareTo(scan) <= 0) {
            return Optional.of("watchdog.stall-timeout: " + stall + " must be longer than schedule.scan-interval: " + scan);
        }
        if (stall.compareTo(deliver) <= 0) {
            return Optional.of("watchdog.stall-timeout: " + stall + " must be longer than schedule.deliver-interval: " + deliver);
        }
        return Optional.empty();
    }

    /** Retention over the spool's {@code done/} and the store, or empty when {@code retention.days} is not set. */
    static Optional<Retention> retention(CulpritConfig config, Path done, Database database, Clock clock) {
        if (!config.retention().enabled()) {
            return Optional.empty();
        }
        log.info("retention: logs in {} and bodies of sent mails are removed after {} days", done, config.retention().days());
        return Optional.of(new Retention(done, config.retention().days(), clock, new SentBodies(database, clock)));
    }
}

package dev.culprit.ops;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code culprit run} adds to the jobs to be watched: the metrics, the watchdog, the events
 * that feed both, and the HTTP endpoint when {@code metrics.enabled}.
 */
public final class ServiceOps implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceOps.class);

    private final Metrics metrics;
    private final Watchdog watchdog;
    private final Activity activity = new Activity(Clock.systemUTC());
    private final Telemetry events;
    private final HttpEndpoint endpoint;

    private ServiceOps(Metrics metrics, Watchdog watchdog, HttpEndpoint endpoint) {
        this.metrics = metrics;
        this.watchdog = watchdog;
        this.events = new Telemetry(metrics, watchdog, activity);
        this.endpoint = endpoint;
    }

    /**
     * Creates the metrics and the watchdog (not checking yet: see {@link #startWatchdog()}) and
     * starts the endpoint when enabled.
     *
     * @throws IOException when the endpoint cannot listen; the message names the address
     */
    public static ServiceOps start(MetricsSettings metricsSettings, WatchdogSettings watchdogSettings,
            Watchdog.ExitAction onStall) throws IOException {
        Metrics metrics = new Metrics();
        Watchdog watchdog = new Watchdog(watchdogSettings.stallTimeout(), System::nanoTime, onStall);
        HttpEndpoint endpoint = null;
        if (metricsSettings.enabled()) {
            try {
                endpoint = HttpEndpoint.start(new InetSocketAddress(metricsSettings.bind(), metricsSettings.port()),
                        metrics, watchdog::health);
            } catch (IOException | RuntimeException e) {
                metrics.close();
                throw e;
            }
        }
        return new ServiceOps(metrics, watchdog, endpoint);
    }

    /** What the jobs report to. */
    public ServiceEvents events() {
        return events;
    }

    /** Where the outbox gauges read from. */
    public void outbox(Supplier<Metrics.OutboxSnapshot> source) {
        metrics.outboxFrom(Objects.requireNonNull(source, "source"));
    }

    /** Where the precision gauges read from. */
    public void precision(Supplier<Metrics.PrecisionSnapshot> source) {
        metrics.precisionFrom(Objects.requireNonNull(source, "source"));
    }

    /** When this process last scanned and delivered, for the status pages. */
    public Activity activity() {
        return activity;
    }

    /** Serves the status pages with this handler, when the endpoint is on; see {@link HttpEndpoint#servePages}. */
    public void pages(HttpHandler handler) {
        if (endpoint != null) {
            endpoint.servePages(handler);
        }
    }

    public void startWatchdog() {
        watchdog.start();
    }

    /** Stops checking for stalls: a stopping service must not be ended for being quiet. */
    public void stopWatchdog() {
        watchdog.close();
    }

    public Metrics metrics() {
        return metrics;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    /** The endpoint's address, or null when it is off. */
    public InetSocketAddress endpointAddress() {
        return endpoint == null ? null : endpoint.address();
    }

    @Override
    public void close() {
        watchdog.close();
        if (endpoint != null) {
            endpoint.close();
        }
        metrics.close();
        log.debug("metrics and watchdog stopped");
    }
}

package dev.culprit.ops;

import dev.culprit.model.Precision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What culprit counts, exposed in the Prometheus text format.
 *
 * <ul>
 *   <li>{@code culprit_logs_ingested_total{outcome}}: logs taken from the spool, by what the
 *       parser found ({@code culprit}, {@code inconclusive}, ..., or {@code failed});
 *   <li>{@code culprit_mails_sent_total}, {@code culprit_mails_failed_total{reason}},
 *       {@code culprit_mails_held_total{reason}};
 *   <li>{@code culprit_smtp_errors_total{class}}: {@code transient}, {@code permanent},
 *       {@code connect}, ...;
 *   <li>{@code culprit_outbox_pending} and {@code culprit_outbox_oldest_age_seconds}, read from
 *       the outbox when scraped;
 *   <li>{@code culprit_scan_last_completed_timestamp_seconds}: when the last spool scan
 *       finished (Unix time), NaN until the first one;
 *   <li>{@code culprit_replies_received_total}, {@code culprit_replies_commands_total{command,outcome}},
 *       {@code culprit_replies_answers_total}, {@code culprit_replies_refused_total{reason}} and
 *       {@code culprit_replies_failed_total{reason}}: the mails read from the replies folder.
 * </ul>
 *
 * Label values come from small fixed sets chosen by the caller (outcomes, verdict reasons, error
 * classes), never from addresses or free text, so the number of series stays bounded.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final Counter mailsSent;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicReference<Instant> lastScanCompleted = new AtomicReference<>();
    private final AtomicReference<Supplier<OutboxSnapshot>> outbox = new AtomicReference<>(() -> null);
    private final AtomicReference<Supplier<PrecisionSnapshot>> precision = new AtomicReference<>(() -> null);

    /** Metrics whose outbox figures are NaN until {@link #outboxFrom(Supplier)} says where they come from. */
    public Metrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
        mailsSent = Counter.builder("culprit.mails.sent").description("Mails accepted by the SMTP server").register(registry);
        Gauge.builder("culprit.outbox.pending", outbox, o -> pending(o.get().get()))
                .description("Mails in the outbox waiting to be sent (not held)")
                .register(registry);
        Gauge.builder("culprit.outbox.oldest.age", outbox, o -> oldestAge(o.get().get()))
                .description("Age of the oldest mail waiting to be sent; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
        precisionGauges("90d", PrecisionSnapshot::last90Days);
        precisionGauges("all", PrecisionSnapshot::allTime);
        Gauge.builder("culprit.scan.last.completed.timestamp", lastScanCompleted, Metrics::epochSeconds)
                .description("When the last spool scan finished, in seconds since the epoch")
                .baseUnit("seconds")
                .register(registry);
    }

    /**
     * @param outbox the current outbox figures; called on every scrape, may be slow (a query)
     */
    public Metrics(Supplier<OutboxSnapshot> outbox) {
        this();
        outboxFrom(outbox);
    }

    /**
     * Where the outbox gauges come from; the supplier is called on every scrape and returns null
     * when the figures are unavailable (the gauges then read NaN).
     */
    public void outboxFrom(Supplier<OutboxSnapshot> source) {
        outbox.set(Objects.requireNonNull(source, "source"));
    }

    /**
     * Where the precision gauges come from; called on every scrape, null when the figures are
     * unavailable (the gauges then read NaN).
     */
    public void precisionFrom(Supplier<PrecisionSnapshot> source) {
        precision.set(Objects.requireNonNull(source, "source"));
    }

    private void precisionGauges(String period, java.util.function.Function<PrecisionSnapshot, Precision> of) {
        record Figure(String name, String description, java.util.function.ToDoubleFunction<Precision> value) {}
        for (Figure f : List.of(
                new Figure("culprit.culprits.mailed", "Culprits mailed (cause bisections)", Precision::mailed),
                new Figure("culprit.culprits.known", "Culprits mailed whose outcome is known (a label is in force)", Precision::known),
                new Figure("culprit.culprits.right", "Culprits mailed that were right", Precision::right),
                new Figure("culprit.culprits.wrong", "Culprits mailed that were wrong", Precision::wrong),
                new Figure("culprit.culprits.precision", "Right among those with a known outcome, rounded down; NaN when none",
                        Precision::ratio))) {
            Gauge.builder(f.name(), precision, p -> {
                PrecisionSnapshot s = p.get().get();
                return s == null ? Double.NaN : f.value().applyAsDouble(of.apply(s));
            }).description(f.description() + ", over the last 90 days or all time").tag("period", period).register(registry);
        }
    }

    /** A log was taken from the spool; {@code outcome} is what the parser found or {@code failed}. */
    public void logIngested(String outcome) {
        counter("culprit.logs.ingested", "Logs taken from the spool, by outcome", "outcome", outcome).increment();
    }

    public void mailSent() {
        mailsSent.increment();
    }

    /** A mail that will not be retried, by why ({@code permanent}, {@code retries-exhausted}, ...). */
    public void mailFailed(String reason) {
        counter("culprit.mails.failed", "Mails given up on, by reason", "reason", reason).increment();
    }

    /** A mail held for moderation, by the signal that held it. */
    public void mailHeld(String reason) {
        counter("culprit.mails.held", "Mails held for moderation, by reason", "reason", reason).increment();
    }

    /** An SMTP attempt failed; {@code errorClass} is {@code transient}, {@code permanent}, {@code connect}, ... */
    public void smtpError(String errorClass) {
        counter("culprit.smtp.errors", "Failed SMTP attempts, by class of error", "class", errorClass).increment();
    }

    /** A mail was read from the replies folder, whatever becomes of it. */
    public void replyReceived() {
        Counter.builder("culprit.replies.received").description("Mails read from the replies folder").register(registry)
                .increment();
    }

    /** A command of a reply was handled: {@code outcome} is {@code applied}, {@code refused} or {@code skipped}. */
    public void replyCommand(String command, String outcome) {
        Counter.builder("culprit.replies.commands").description("Commands read from replies, by command and outcome")
                .tag("command", label(command)).tag("outcome", label(outcome)).register(registry).increment();
    }

    /** An answer to a reply was queued in the outbox. */
    public void replyAnswered() {
        Counter.builder("culprit.replies.answers").description("Answers to replies queued for their senders").register(registry)
                .increment();
    }

    /** A reply changed nothing and was not answered, by why ({@code unauthenticated}, {@code auto-reply}, ...). */
    public void replyRefused(String reason) {
        counter("culprit.replies.refused", "Replies refused, by reason", "reason", reason).increment();
    }

    /** A reply could not be used and went to the failed folder, by why ({@code malformed}, {@code too-large}, ...). */
    public void replyFailed(String reason) {
        counter("culprit.replies.failed", "Replies that could not be used, by reason", "reason", reason).increment();
    }

    public void scanCompleted(Instant at) {
        lastScanCompleted.set(Objects.requireNonNull(at, "at"));
    }

    /** The metrics in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The registry, for callers that time things themselves. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, label(value)).register(registry);
    }

    private static String label(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private static double pending(OutboxSnapshot s) {
        return s == null ? Double.NaN : s.pending();
    }

    private static double oldestAge(OutboxSnapshot s) {
        return s == null ? Double.NaN : s.oldestAge().toMillis() / 1000.0;
    }

    private static double epochSeconds(AtomicReference<Instant> at) {
        Instant i = at.get();
        return i == null ? Double.NaN : i.toEpochMilli() / 1000.0;
    }

    /** The bot's measured precision over the last 90 days and all time. */
    public record PrecisionSnapshot(Precision last90Days, Precision allTime) {
        public PrecisionSnapshot {
            Objects.requireNonNull(last90Days, "last90Days");
            Objects.requireNonNull(allTime, "allTime");
        }
    }

    /**
     * The outbox as the metrics see it.
     *
     * @param pending mails waiting to be sent
     * @param oldestAge how long the oldest of them has waited, {@link Duration#ZERO} when none
     */
    public record OutboxSnapshot(long pending, Duration oldestAge) {
        public static final OutboxSnapshot EMPTY = new OutboxSnapshot(0, Duration.ZERO);

        public OutboxSnapshot {
            if (pending < 0) {
                throw new IllegalArgumentException("pending: must not be negative: " + pending);
            }
            oldestAge = oldestAge == null ? Duration.ZERO : oldestAge;
        }
    }
}

package dev.culprit.mail;

import dev.culprit.ops.ServiceEvents;
import dev.culprit.store.Outbox;
import dev.culprit.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due mails with a lease, re-applies the recipient policy, respects
 * the caps and the kill switch, and sends them in delivery runs ({@link DeliveryRun}) of one
 * connection each. Each outcome, decided by {@link DeliveryDecision}, is committed in its own
 * transaction before the next mail is sent: a crash leaves at most one mail delivered but not
 * recorded, sent again under the same Message-ID.
 *
 * <p>Failures: transient ones retry with exponential backoff and jitter until the lifetime is
 * over; permanent ones fail the mail or the address at once with the server's reply; setup
 * problems (authentication, relay, TLS) fail no mail but pause delivery, retried with backoff.
 */
public final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    final Outbox outbox;
    final MailTransport transport;
    final DeliverySettings settings;
    final Duration lease;
    final KillSwitch killSwitch;
    final SendTimePolicy policy;
    final String owner;
    final Clock clock;
    final Backoff backoff;
    final ServiceEvents events;
    final DeliveryDecision decision;
    /** Setup problems in a row, from one run to the next: the pause after each grows. */
    private int setupFailures;
    /** The pause last logged, so that a pause is logged once rather than at every run. */
    private String lastPause;

    public Deliverer(Outbox outbox, MailTransport transport, DeliverySettings settings, Duration lease,
            KillSwitch killSwitch, SendTimePolicy policy, String owner, Clock clock, Backoff backoff) {
        this(outbox, transport, settings, lease, killSwitch, policy, owner, clock, backoff, ServiceEvents.NONE);
    }

    /** @param events told about every mail sent or given up on (metrics, watchdog) */
    public Deliverer(Outbox outbox, MailTransport transport, DeliverySettings settings, Duration lease,
            KillSwitch killSwitch, SendTimePolicy policy, String owner, Clock clock, Backoff backoff,
            ServiceEvents events) {
        this.events = events;
        this.outbox = outbox;
        this.transport = transport;
        this.settings = settings;
        this.lease = lease;
        this.killSwitch = killSwitch;
        this.policy = policy;
        this.owner = owner;
        this.clock = clock;
        this.backoff = backoff;
        this.decision = new DeliveryDecision(settings, backoff, owner);
    }

    /** A delivery run: batches over one connection, closed with the run. */
    public DeliveryRun startRun() {
        return new DeliveryRun(this);
    }

    /** One batch in a run of its own: at most {@code batch-size} mails over one connection. */
    public BatchResult deliverBatch(BooleanSupplier stopping) throws StoreException {
        try (DeliveryRun run = startRun()) {
            return run.deliverBatch(stopping);
        }
    }

    /** Batches over one connection until nothing is due, delivery is paused, or {@code stopping} says so. */
    public BatchResult deliverAll(BooleanSupplier stopping) throws StoreException {
        BatchResult total = BatchResult.EMPTY;
        try (DeliveryRun run = startRun()) {
            while (!stopping.getAsBoolean()) {
                BatchResult b = run.deliverBatch(stopping);
                total = total.plus(b);
                if (b.claimed() == 0 || b.paused() != null || b.sent() + b.failed() + b.dropped() + b.retrying() == 0) {
                    break;
                }
            }
        }
        return total;
    }

    /** Logs why delivery is paused, once while it stays the same; null when it is not paused. */
    void notePause(String why) {
        if (why != null && !why.equals(lastPause)) {
            log.warn(why);
        }
        lastPause = why;
    }

    /** Counts a setup problem; returns how many there were in a row. */
    int setupFailed() {
        return ++setupFailures;
    }

    void setupWorks() {
        setupFailures = 0;
    }
}

package dev.culprit.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * When this process last scanned the spool and delivered, and its latest SMTP errors: what the
 * status pages show of the service's own runs. Kept in memory; a new process starts empty.
 */
public final class Activity {
    /** How many SMTP errors are kept. */
    static final int KEPT_ERRORS = 10;

    private final Clock clock;
    private Instant scanStarted;
    private Instant scanFinished;
    private Instant deliveryStarted;
    private Instant deliveryFinished;
    private final Deque<SmtpError> errors = new ArrayDeque<>();

    public Activity(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An SMTP attempt that failed, by its class ({@code transient}, {@code permanent}, ...). */
    public record SmtpError(Instant at, String errorClass) {}

    /**
     * What the service did last; a time is null when it has not happened yet in this process.
     *
     * @param smtpErrors the latest SMTP errors, newest first
     */
    public record Snapshot(Instant scanStarted, Instant scanFinished, Instant deliveryStarted, Instant deliveryFinished,
            List<SmtpError> smtpErrors) {
        public Snapshot {
            smtpErrors = List.copyOf(smtpErrors);
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(scanStarted, scanFinished, deliveryStarted, deliveryFinished, List.copyOf(errors));
    }

    synchronized void scanStarted() {
        scanStarted = clock.instant();
    }

    synchronized void scanFinished(Instant at) {
        scanFinished = at;
    }

    synchronized void deliveryStarted() {
        deliveryStarted = clock.instant();
    }

    synchronized void deliveryFinished() {
        deliveryFinished = clock.instant();
    }

    synchronized void smtpError(String errorClass) {
        errors.addFirst(new SmtpError(clock.instant(), errorClass));
        while (errors.size() > KEPT_ERRORS) {
            errors.removeLast();
        }
    }
}

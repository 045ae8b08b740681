package dev.culprit.ops;

import java.time.Instant;
import java.util.Objects;

/** Feeds {@link ServiceEvents} to the metrics and the watchdog: every event is progress. */
public final class Telemetry implements ServiceEvents {
    private final Metrics metrics;
    private final Watchdog watchdog;

    public Telemetry(Metrics metrics, Watchdog watchdog) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
    }

    @Override
    public void scanStarted() {
        watchdog.progress("scan started");
    }

    @Override
    public void scanFinished(Instant at) {
        metrics.scanCompleted(at);
        watchdog.progress("scan finished");
    }

    @Override
    public void logProcessed(String source, String outcome) {
        metrics.logIngested(outcome);
        watchdog.progress("log processed: " + source);
    }

    @Override
    public void deliveryStarted() {
        watchdog.progress("delivery started");
    }

    @Override
    public void deliveryFinished() {
        watchdog.progress("delivery finished");
    }

    @Override
    public void mailSent(String key) {
        metrics.mailSent();
        watchdog.progress("mail sent: " + key);
    }

    @Override
    public void mailFailed(String key, String reason) {
        metrics.mailFailed(reason);
        watchdog.progress("mail failed: " + key);
    }

    @Override
    public void mailHeld(String key, String reason) {
        metrics.mailHeld(reason);
        watchdog.progress("mail held: " + key);
    }

    @Override
    public void smtpError(String errorClass) {
        metrics.smtpError(errorClass);
        watchdog.progress("smtp error: " + errorClass);
    }

    @Override
    public void clusterActive(String what) {
        watchdog.progress(what);
    }

    @Override
    public void replyReceived() {
        metrics.replyReceived();
        watchdog.progress("reply received");
    }

    @Override
    public void replyCommand(String command, String outcome) {
        metrics.replyCommand(command, outcome);
        watchdog.progress("reply command: " + command);
    }

    @Override
    public void replyAnswered() {
        metrics.replyAnswered();
        watchdog.progress("reply answered");
    }

    @Override
    public void replyRefused(String reason) {
        metrics.replyRefused(reason);
        watchdog.progress("reply refused: " + reason);
    }

    @Override
    public void replyFailed(String reason) {
        metrics.replyFailed(reason);
        watchdog.progress("reply failed: " + reason);
    }
}

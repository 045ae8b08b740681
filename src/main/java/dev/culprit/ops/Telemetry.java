package dev.culprit.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Feeds {@link ServiceEvents} to the metrics, the watchdog and the activity the status pages
 * show: every event is progress.
 */
public final class Telemetry implements ServiceEvents {
    private final Metrics metrics;
    private final Watchdog watchdog;
    private final Activity activity;

    public Telemetry(Metrics metrics, Watchdog watchdog) {
        this(metrics, watchdog, new Activity(Clock.systemUTC()));
    }

    public Telemetry(Metrics metrics, Watchdog watchdog, Activity activity) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
        this.activity = Objects.requireNonNull(activity, "activity");
    }

    @Override
    public void scanStarted() {
        activity.scanStarted();
        watchdog.progress("scan started");
    }

    @Override
    public void scanFinished(Instant at) {
        metrics.scanCompleted(at);
        activity.scanFinished(at);
        watchdog.progress("scan finished");
    }

    @Override
    public void logProcessed(String source, String outcome) {
        metrics.logIngested(outcome);
        watchdog.progress("log processed: " + source);
    }

    @Override
    public void deliveryStarted() {
        activity.deliveryStarted();
        watchdog.progress("delivery started");
    }

    @Override
    public void deliveryFinished() {
        activity.deliveryFinished();
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
        activity.smtpError(errorClass);
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

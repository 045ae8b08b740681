package dev.culprit.ops;

import java.time.Instant;

/**
 * What the scan and delivery jobs report as they work: the source of the metrics and of the
 * watchdog's progress. Every method is cheap and never throws. Label values (outcome, reason,
 * error class) come from small fixed sets, never from addresses or free text.
 */
public interface ServiceEvents {
    /** Reports nothing: for commands that run once and for tests. */
    ServiceEvents NONE = new ServiceEvents() {};

    default void scanStarted() {}

    /** A spool scan finished, whatever it found. */
    default void scanFinished(Instant at) {}

    /** A log left the inbox; {@code outcome} is what the parser found, or {@code failed}. */
    default void logProcessed(String source, String outcome) {}

    default void deliveryStarted() {}

    default void deliveryFinished() {}

    /** The SMTP server accepted the mail with this result key. */
    default void mailSent(String key) {}

    /** The mail with this result key will not be retried. */
    default void mailFailed(String key, String reason) {}

    /** The mail with this result key was held for moderation. */
    default void mailHeld(String key, String reason) {}

    /** An SMTP attempt failed: {@code transient}, {@code permanent}, {@code connect}, ... */
    default void smtpError(String errorClass) {}

    /**
     * In a cluster: this node checks in and the cluster's jobs run, on whichever node. A node
     * that the cluster's scheduler happens not to pick for a while is not stalled.
     */
    default void clusterActive(String what) {}
}

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

    /** A mail was read from the replies folder, whatever becomes of it. */
    default void replyReceived() {}

    /**
     * A command of a reply was handled. {@code command} is the command's word ({@code wrong},
     * {@code blame}, ..., or {@code unknown} for a line that could not be read); {@code outcome}
     * is {@code applied}, {@code refused} or {@code skipped}.
     */
    default void replyCommand(String command, String outcome) {}

    /** An answer to a reply was queued for its sender. */
    default void replyAnswered() {}

    /** A reply was refused: it changes nothing and gets no answer ({@code unauthenticated}, {@code auto-reply}, ...). */
    default void replyRefused(String reason) {}

    /** A reply could not be used and goes to the failed folder ({@code malformed}, {@code too-large}, ...). */
    default void replyFailed(String reason) {}
}

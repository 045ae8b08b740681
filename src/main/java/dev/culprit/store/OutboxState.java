package dev.culprit.store;

import java.util.Locale;

/** Where a mail stands. The ids are stored in the {@code outbox.state} column. */
public enum OutboxState {
    /** Waiting to be sent (possibly not before {@code next_attempt_at}). */
    PENDING,
    /** Claimed by one instance, which holds a lease on it. */
    SENDING,
    /** Accepted by the SMTP server for every recipient still wanted. */
    SENT,
    /** Not sent and never will be: the reason is in {@code last_error}. */
    FAILED,
    /** Waiting for a moderator. */
    HELD,
    /** The verdict said not to mail; kept as a record. */
    SKIPPED,
    /** Nobody left to send to (every recipient opted out or denied), or dropped by a moderator. */
    DROPPED,
    /** Withdrawn by a moderator. */
    RETRACTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The id as an SQL string literal, for a statement's text: {@code 'pending'}. */
    public String sql() {
        return "'" + id() + "'";
    }

    public static OutboxState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

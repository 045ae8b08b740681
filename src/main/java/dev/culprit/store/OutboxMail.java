package dev.culprit.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail as the outbox holds it.
 *
 * @param id the row id
 * @param resultKey the stable result key
 * @param messageId the Message-ID, angle brackets included
 * @param source the log it came from
 * @param state where it stands
 * @param message the complete RFC 5322 message
 * @param recipients every recipient with its own state
 * @param attempts how many delivery attempts failed transiently so far
 * @param createdAt when the mail entered the outbox
 * @param nextAttemptAt not sent before this
 * @param lastError the last failure, or null
 */
public record OutboxMail(
        long id,
        String resultKey,
        String messageId,
        String source,
        OutboxState state,
        byte[] message,
        List<OutboxRecipient> recipients,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        String lastError) {
    public OutboxMail {
        Objects.requireNonNull(resultKey, "resultKey");
        Objects.requireNonNull(message, "message");
        recipients = List.copyOf(recipients);
    }

    /** The recipients delivery still has to reach. */
    public List<OutboxRecipient> pendingRecipients() {
        return recipients.stream().filter(r -> r.state() == OutboxRecipient.State.PENDING).toList();
    }
}

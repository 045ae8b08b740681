package dev.culprit.store;

import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import java.util.List;
import java.util.Objects;

/**
 * A mail culprit writes about a result rather than from a log (a moderation notice, a
 * correction), ready to enter the outbox as pending.
 *
 * @param key its own key, never the key of the result it is about; the row is unique by it
 * @param messageId its Message-ID, derived from {@code key}
 * @param source the log of the result it is about, for log lines
 * @param subject the decoded subject
 * @param message the complete RFC 5322 message
 * @param recipients its envelope recipients with their reasons
 */
public record QueuedMail(ResultKey key, String messageId, String source, String subject, byte[] message, List<Recipient> recipients) {
    public QueuedMail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient: " + key.shortId());
        }
    }
}

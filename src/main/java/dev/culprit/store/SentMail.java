package dev.culprit.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail that went out, as a correction needs it.
 *
 * @param id the outbox row
 * @param resultKey the result key
 * @param messageId its Message-ID, which the correction replies to
 * @param source the log it came from
 * @param subject its subject
 * @param sentAt when it was sent
 * @param recipients the recipients that received it, with field and reasons
 */
public record SentMail(long id, String resultKey, String messageId, String source, String subject, Instant sentAt,
        List<OutboxRecipient> recipients) {
    public SentMail {
        Objects.requireNonNull(resultKey, "resultKey");
        Objects.requireNonNull(messageId, "messageId");
        recipients = List.copyOf(recipients);
    }

    public String shortId() {
        return new dev.culprit.model.ResultKey(resultKey).shortId();
    }
}

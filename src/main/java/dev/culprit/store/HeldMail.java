package dev.culprit.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail held for moderation, with what the assessment said about it.
 *
 * @param id the outbox row
 * @param resultKey the result key
 * @param messageId the Message-ID it keeps when released
 * @param source the log it came from
 * @param subject its subject
 * @param heldAt when it was held
 * @param outcome the bisection outcome id ({@code culprit}, {@code inconclusive}, ...)
 * @param culprit the culprit hash and title, or the candidate hashes; null when none
 * @param crashTitle the crash title; null when none
 * @param score the confidence score
 * @param reasons why it was held, one sentence each
 * @param recipients the would-be recipients with their reasons and states
 * @param message the complete held message, as it would go out
 * @param noticeMessageId the Message-ID of the notice sent to the moderators, or null
 */
public record HeldMail(
        long id,
        String resultKey,
        String messageId,
        String source,
        String subject,
        Instant heldAt,
        String outcome,
        String culprit,
        String crashTitle,
        double score,
        List<String> reasons,
        List<OutboxRecipient> recipients,
        byte[] message,
        String noticeMessageId) {
    public HeldMail {
        Objects.requireNonNull(resultKey, "resultKey");
        reasons = List.copyOf(reasons);
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(message, "message");
    }

    /** The short key the commands take: the first 24 hex digits of the key's SHA-256. */
    public String shortId() {
        return new dev.culprit.model.ResultKey(resultKey).shortId();
    }

    /** The recipients it would still go to. */
    public List<OutboxRecipient> wouldGoTo() {
        return recipients.stream().filter(r -> r.state() == OutboxRecipient.State.PENDING).toList();
    }
}

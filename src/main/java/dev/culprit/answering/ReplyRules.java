package dev.culprit.answering;

import dev.culprit.replies.LoopGuard;
import dev.culprit.replies.SenderAuthenticator;
import java.util.Objects;
import java.util.Set;

/**
 * Whom culprit trusts, what it never answers, and how many answers it sends.
 *
 * @param authenticator reads the sender from From and {@code Authentication-Results}
 * @param loopGuard names the mail never to be answered
 * @param caps the answers per hour, per sender and in all
 */
public record ReplyRules(SenderAuthenticator authenticator, LoopGuard loopGuard, AnswerCaps caps) {
    public ReplyRules {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(loopGuard, "loopGuard");
        Objects.requireNonNull(caps, "caps");
    }

    /**
     * The rules from the {@code replies} settings.
     *
     * @param authservId {@code replies.authserv-id}, used when authentication is required
     * @param ownAddresses culprit's From, Reply-To and envelope sender addresses
     */
    public static ReplyRules of(boolean requireAuthentication, String authservId, Set<String> ownAddresses,
            int answersPerHour, int answersPerHourTotal) {
        return new ReplyRules(requireAuthentication ? SenderAuthenticator.trusting(authservId)
                : SenderAuthenticator.withoutAuthentication(), new LoopGuard(ownAddresses),
                new AnswerCaps(answersPerHour, answersPerHourTotal));
    }
}

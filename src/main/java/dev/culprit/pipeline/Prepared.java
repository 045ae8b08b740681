package dev.culprit.pipeline;

import dev.culprit.model.PreparedMail;
import dev.culprit.recipients.PolicyResult;
import java.util.Objects;

/**
 * A prepared mail with the policy's full account: who was dropped and why, who was trimmed by
 * the cap, and who would have received it under redirect-all.
 */
public record Prepared(PreparedMail mail, PolicyResult policy) {
    public Prepared {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(policy, "policy");
    }
}

package dev.culprit.mail;

import dev.culprit.model.Recipient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recipient policy applied again right before a mail is sent, so that an opt-out or a deny-list
 * entry added after the mail was queued still holds.
 */
@FunctionalInterface
public interface SendTimePolicy {
    /**
     * @param recipients the recipients still to be reached
     * @param optedOut the lower-case addresses on the opt-out list
     * @return the addresses not to send to, each with the reason
     */
    Map<String, String> suppressed(List<Recipient> recipients, Set<String> optedOut);

    /**
     * The policy for the mails of one delivery batch: it may read its sources once for the batch
     * rather than once per mail, but not hold on to them for longer than a second. By default
     * this policy itself.
     */
    default SendTimePolicy forBatch() {
        return this;
    }

    /** Only the opt-out list. */
    static SendTimePolicy optOutsOnly() {
        return (recipients, optedOut) -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (Recipient r : recipients) {
                if (optedOut.contains(r.address().toLowerCase(java.util.Locale.ROOT))) {
                    out.put(r.address(), "opted out");
                }
            }
            return out;
        };
    }
}

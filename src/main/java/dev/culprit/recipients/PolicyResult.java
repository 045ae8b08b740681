package dev.culprit.recipients;

import dev.culprit.model.Recipient;
import java.util.List;

/**
 * What the policy made of the candidates.
 *
 * @param recipients the envelope: To first, then Cc, strongest tie first
 * @param dropped removed by the deny list, the opt-outs or the allowed domains
 * @param trimmed removed by the cap, weakest first; the body lists them
 * @param redirected when redirect-all is on, who would have received the mail (the body lists
 *     them); empty otherwise
 */
public record PolicyResult(List<Recipient> recipients, List<Dropped> dropped, List<Recipient> trimmed, List<Recipient> redirected) {
    public PolicyResult {
        recipients = List.copyOf(recipients);
        dropped = List.copyOf(dropped);
        trimmed = List.copyOf(trimmed);
        redirected = List.copyOf(redirected);
    }
}

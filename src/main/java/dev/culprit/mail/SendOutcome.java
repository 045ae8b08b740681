package dev.culprit.mail;

import java.util.List;
import java.util.Map;

/**
 * What the server did with one message: the addresses it accepted and those it refused, each
 * with its classified reply.
 */
public record SendOutcome(List<String> accepted, Map<String, SmtpFailure> refused) {
    public SendOutcome {
        accepted = List.copyOf(accepted);
        refused = Map.copyOf(refused);
    }

    public static SendOutcome allAccepted(List<String> addresses) {
        return new SendOutcome(addresses, Map.of());
    }
}

package dev.culprit.store;

import dev.culprit.model.Recipient;
import java.util.Locale;
import java.util.Objects;

/**
 * One recipient of an outbox mail and how far delivery to it got.
 *
 * @param position the order in the mail, the row's key together with the mail
 * @param recipient the address, its field and its reasons
 * @param state {@code pending}, {@code sent}, {@code failed} (with the server's reply) or
 *     {@code suppressed} (opt-out or deny list at send time)
 * @param lastError the server's reply or the policy's reason, or null
 */
public record OutboxRecipient(int position, Recipient recipient, State state, String lastError) {
    public enum State {
        PENDING, SENT, FAILED, SUPPRESSED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public OutboxRecipient {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(state, "state");
    }

    public String address() {
        return recipient.address();
    }
}

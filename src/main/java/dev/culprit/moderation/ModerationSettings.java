package dev.culprit.moderation;

import dev.culprit.recipients.Address;
import java.util.Optional;

/**
 * The {@code moderation} section of the configuration.
 *
 * @param address where notices about held mails go; null: held mails are only listed
 *     ({@code culprit held}) and logged
 */
public record ModerationSettings(String address) {
    public ModerationSettings {
        if (address != null) {
            try {
                Address.parse(address);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("address: " + e.getMessage());
            }
        }
    }

    public static ModerationSettings defaults() {
        return new ModerationSettings(null);
    }

    /** The moderation address, when one is configured. */
    public Optional<Address> moderator() {
        return address == null ? Optional.empty() : Optional.of(Address.parse(address));
    }
}

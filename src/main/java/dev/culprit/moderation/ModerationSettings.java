package dev.culprit.moderation;

import dev.culprit.recipients.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code moderation} section of the configuration.
 *
 * @param address where notices about held mails go; null: held mails are only listed
 *     ({@code culprit held}) and logged
 * @param moderators the people who may release, drop and withdraw results by replying to
 *     culprit's mails ({@code #culprit release}, ...), as lower-case addr-specs; empty by default.
 *     Not {@code address}: that is often a list, and a list never speaks for a person.
 */
public record ModerationSettings(String address, List<String> moderators) {
    public ModerationSettings {
        if (address != null) {
            try {
                Address.parse(address);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("address: " + e.getMessage());
            }
        }
        moderators = addrSpecs(moderators);
    }

    public ModerationSettings(String address) {
        this(address, List.of());
    }

    private static List<String> addrSpecs(List<String> moderators) {
        List<String> out = new ArrayList<>();
        for (int i = 0; moderators != null && i < moderators.size(); i++) {
            try {
                out.add(Address.parse(moderators.get(i)).addrSpec().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("moderators[" + i + "]: " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    public static ModerationSettings defaults() {
        return new ModerationSettings(null);
    }

    /** The moderation address, when one is configured. */
    public Optional<Address> moderator() {
        return address == null ? Optional.empty() : Optional.of(Address.parse(address));
    }
}

package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/**
 * One address a report goes to, with every reason it was chosen.
 *
 * @param address the plain ASCII addr-spec, validated
 * @param name the display name, any Unicode, or null
 * @param field {@code TO} or {@code CC}
 * @param reasons why this address receives the mail, strongest first
 */
public record Recipient(String address, String name, Field field, List<String> reasons) {
    public enum Field {
        TO("to"),
        CC("cc");

        private final String id;

        Field(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Recipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(field, "field");
        reasons = List.copyOf(reasons);
    }
}

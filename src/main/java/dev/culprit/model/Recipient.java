package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/**
 * One address a report goes to, with every reason it was chosen.
 *
 * @param address the plain ASCII addr-spec, validated
 * @param name the display name, any Unicode, or null
 * @param field {@code TO} or {@code CC}
 * @param kind a person or a mailing list (lists are exempt from the per-person cap)
 * @param reasons why this address receives the mail, strongest first
 */
public record Recipient(String address, String name, Field field, Kind kind, List<String> reasons) {
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

    /** Whether an address reaches one person or a mailing list. */
    public enum Kind {
        PERSON("person"),
        LIST("list");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("not a recipient kind (person or list): " + id);
        }
    }

    public Recipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
    }

    /** A person. */
    public Recipient(String address, String name, Field field, List<String> reasons) {
        this(address, name, field, Kind.PERSON, reasons);
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }
}

package dev.culprit.store;

import java.util.Objects;

/**
 * A recipient as a list of results shows it.
 *
 * @param address the address
 * @param field {@code to} or {@code cc}
 */
public record Addressee(String address, String field) {
    public Addressee {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(field, "field");
    }
}

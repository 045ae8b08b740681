package dev.culprit.ops;

import java.util.Objects;

/**
 * The answer of {@code /health}.
 *
 * @param healthy whether the scan loop is making progress
 * @param detail one line for the operator ({@code last progress 12s ago: scan finished})
 */
public record Health(boolean healthy, String detail) {
    public Health {
        Objects.requireNonNull(detail, "detail");
    }
}

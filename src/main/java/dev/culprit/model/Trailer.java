package dev.culprit.model;

import java.util.Objects;

/** A commit message trailer such as {@code Signed-off-by: Name <email>}. */
public record Trailer(String key, String value) {
    public Trailer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}

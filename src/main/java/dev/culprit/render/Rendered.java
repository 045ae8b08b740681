package dev.culprit.render;

import java.util.Objects;

/**
 * A rendered report.
 *
 * @param subject one clean line: no control characters, whitespace collapsed, length capped
 * @param body the plain-text body, lines separated by {@code \n}
 */
public record Rendered(String subject, String body) {
    public Rendered {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}

package dev.culprit.model;

import java.util.Objects;

/**
 * A crash title with the report text that followed it, bounded in size.
 *
 * @param report the report lines joined with "\n", at most the configured size
 * @param truncated whether the report was cut to that size
 * @param originalLength the length in characters of the report before any cut
 */
public record Crash(String title, String report, boolean truncated, long originalLength) {
    public Crash {
        Objects.requireNonNull(title, "title");
        report = report == null ? "" : report;
    }
}

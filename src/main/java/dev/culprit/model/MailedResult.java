package dev.culprit.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A cause bisection's result whose culprit was mailed, with what a landed fix can point at it by.
 *
 * @param id the result's row in the store
 * @param shortKey the result key's short id, for log lines
 * @param messageId the Message-ID of the mail, angle brackets included
 * @param culprit the mailed culprit's hash
 * @param culpritTitle the mailed culprit's title, or null
 * @param reportedBy the credit address the result's own sidecar gave (never the configured
 *     default), lower case, or null
 * @param links the result's links from its sidecar
 * @param mailedAt when it was mailed
 */
public record MailedResult(long id, String shortKey, String messageId, String culprit, String culpritTitle, String reportedBy,
        List<String> links, Instant mailedAt) {
    public MailedResult {
        Objects.requireNonNull(culprit, "culprit");
        Objects.requireNonNull(mailedAt, "mailedAt");
        links = List.copyOf(links);
    }
}

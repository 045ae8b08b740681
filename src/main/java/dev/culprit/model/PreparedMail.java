package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/**
 * A result ready for the outbox: the complete RFC 5322 message with everything needed to deliver
 * it and to explain it.
 *
 * @param source the log this came from (a file name), for log lines and errors
 * @param key the stable result key
 * @param messageId the Message-ID header value, angle brackets included
 * @param report what the parser read
 * @param assessment the reliability verdict
 * @param recipients the envelope recipients with their reasons (To and Cc)
 * @param subject the decoded subject line
 * @param message the complete message bytes (headers and body, CRLF line ends)
 * @param problems what was wrong with the input (dropped addresses, parser problems)
 * @param sidecar what the bisection job added ({@link Sidecar#empty()} when nothing), kept so a
 *     landed fix can later be linked back by the result's own credit address and links
 */
public record PreparedMail(
        String source,
        ResultKey key,
        String messageId,
        BisectionReport report,
        Assessment assessment,
        List<Recipient> recipients,
        String subject,
        byte[] message,
        List<Problem> problems,
        Sidecar sidecar) {
    public PreparedMail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(message, "message");
        recipients = List.copyOf(recipients);
        problems = List.copyOf(problems);
        sidecar = sidecar == null ? Sidecar.empty() : sidecar;
    }

    /** A prepared mail without a sidecar. */
    public PreparedMail(String source, ResultKey key, String messageId, BisectionReport report, Assessment assessment,
            List<Recipient> recipients, String subject, byte[] message, List<Problem> problems) {
        this(source, key, messageId, report, assessment, recipients, subject, message, problems, Sidecar.empty());
    }

    public Verdict verdict() {
        return assessment.verdict();
    }
}

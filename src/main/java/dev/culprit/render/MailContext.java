package dev.culprit.render;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.CulpritThread;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Sidecar;
import dev.culprit.recipients.PolicyResult;
import java.util.Objects;

/**
 * Everything a report mail is rendered from.
 *
 * @param report what the parser read
 * @param assessment the reliability verdict and its concerns
 * @param recipients who gets the mail and who was trimmed or redirected
 * @param sidecar what the bisection job added; {@link Sidecar#empty()} when there is none
 * @param reportedBy the credit address for {@code Reported-by:}, or null
 * @param key the result key
 * @param messageId the Message-ID of this mail
 * @param thread the thread the culprit already has ({@link CulpritThread#NONE} when none)
 */
public record MailContext(
        BisectionReport report,
        Assessment assessment,
        PolicyResult recipients,
        Sidecar sidecar,
        String reportedBy,
        ResultKey key,
        String messageId,
        CulpritThread thread) {
    public MailContext {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(recipients, "recipients");
        sidecar = sidecar == null ? Sidecar.empty() : sidecar;
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(messageId, "messageId");
        thread = thread == null ? CulpritThread.NONE : thread;
    }

    /** A context for a result whose culprit has no thread yet. */
    public MailContext(BisectionReport report, Assessment assessment, PolicyResult recipients, Sidecar sidecar,
            String reportedBy, ResultKey key, String messageId) {
        this(report, assessment, recipients, sidecar, reportedBy, key, messageId, CulpritThread.NONE);
    }
}

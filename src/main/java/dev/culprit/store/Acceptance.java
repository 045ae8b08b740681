package dev.culprit.store;

/**
 * What the outbox did with a prepared mail.
 *
 * @param disposition queued, held, skipped, or a duplicate of what it already had
 * @param resultKey the result key
 * @param duplicateOf for a duplicate, the log name (same content) or result key (same result)
 *     it repeats; else null
 */
public record Acceptance(Disposition disposition, String resultKey, String duplicateOf) {
    public enum Disposition {
        /** Stored as pending: it will be sent. */
        QUEUED,
        /** Stored as held for a moderator. */
        HELD,
        /** Stored as skipped: the verdict said not to mail. */
        SKIPPED,
        /** This log content was processed before (under this or another name). */
        DUPLICATE_CONTENT,
        /** Another log already gave the same result. */
        DUPLICATE_RESULT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}

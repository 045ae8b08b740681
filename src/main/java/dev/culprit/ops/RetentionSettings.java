package dev.culprit.ops;

/**
 * The {@code retention} section.
 *
 * @param days how many days to keep logs in the spool's {@code done/}, the bodies of sent
 *     mails and the records of handled replies; null (the default) keeps everything forever.
 *     Pending and held mails, {@code failed/} and labels are never removed.
 */
public record RetentionSettings(Integer days) {
    public RetentionSettings {
        if (days != null && days < 1) {
            throw new IllegalArgumentException("days: must be at least 1 (leave it out to keep everything): " + days);
        }
    }

    public boolean enabled() {
        return days != null;
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(null);
    }
}

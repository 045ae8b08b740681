package dev.culprit.spool;

/**
 * What one pass over the spool did.
 *
 * @param queued logs whose mail went into the outbox to be sent
 * @param held logs whose mail is held for a moderator
 * @param skipped logs whose verdict was not to mail
 * @param duplicates logs whose content or result was seen before
 * @param failed logs moved to {@code failed/}
 * @param deferred logs put back because the store was unavailable
 */
public record ScanResult(int queued, int held, int skipped, int duplicates, int failed, int deferred) {
    public static final ScanResult EMPTY = new ScanResult(0, 0, 0, 0, 0, 0);

    public ScanResult plus(ScanResult o) {
        return new ScanResult(queued + o.queued, held + o.held, skipped + o.skipped, duplicates + o.duplicates,
                failed + o.failed, deferred + o.deferred);
    }

    public int processed() {
        return queued + held + skipped + duplicates + failed;
    }
}

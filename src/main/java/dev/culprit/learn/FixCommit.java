package dev.culprit.learn;

import java.time.Instant;
import java.util.Objects;

/**
 * A commit of the fix history as the scan reads it.
 *
 * @param hash the full hash
 * @param trailers its trailers
 * @param fingerprint the same for the same fix after a rebase (a digest of its message), so a
 *     rescan of rewritten history labels nothing twice
 * @param committedAt the committer's time
 */
public record FixCommit(String hash, FixTrailers trailers, String fingerprint, Instant committedAt) {
    public FixCommit {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(trailers, "trailers");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}

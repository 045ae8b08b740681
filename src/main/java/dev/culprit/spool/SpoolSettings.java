package dev.culprit.spool;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code spool} section.
 *
 * @param dir the spool directory holding {@code inbox/}, {@code work/}, {@code done/} and
 *     {@code failed/}
 * @param maxLogBytes the largest log accepted; larger ones go to {@code failed/}
 * @param settle how long a log without its final summary must stay unchanged in {@code inbox/}
 *     before it is taken as finished
 */
public record SpoolSettings(Path dir, Long maxLogBytes, Duration settle) {
    public static final long DEFAULT_MAX_LOG_BYTES = 64L * 1024 * 1024;

    public SpoolSettings {
        dir = dir == null ? Path.of("/var/spool/culprit") : dir;
        maxLogBytes = maxLogBytes == null ? DEFAULT_MAX_LOG_BYTES : maxLogBytes;
        settle = settle == null ? Duration.ofMinutes(1) : settle;
        if (maxLogBytes <= 0) {
            throw new IllegalArgumentException("max-log-bytes: must be positive: " + maxLogBytes);
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle: must not be negative: " + settle);
        }
    }

    public static SpoolSettings defaults() {
        return new SpoolSettings(null, null, null);
    }
}

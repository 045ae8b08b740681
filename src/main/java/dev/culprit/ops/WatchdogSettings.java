package dev.culprit.ops;

import java.time.Duration;

/**
 * The {@code watchdog} section.
 *
 * @param stallTimeout how long {@code culprit run} may go without progress (no scan or delivery
 *     started or finished, no log processed) before it exits non-zero to be restarted; ISO-8601
 *     ({@code PT15M}), default 15 minutes, at least 1 minute. It must exceed the scan interval.
 */
public record WatchdogSettings(Duration stallTimeout) {
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(15);

    public WatchdogSettings {
        stallTimeout = stallTimeout == null ? DEFAULT_STALL_TIMEOUT : stallTimeout;
        if (stallTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("stall-timeout: must be at least PT1M: " + stallTimeout);
        }
    }

    public static WatchdogSettings defaults() {
        return new WatchdogSettings(null);
    }
}

package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> exits = new ArrayList<>();
    private final Watchdog watchdog = new Watchdog(Duration.ofMinutes(10), now::get,
            (status, reason) -> exits.add(status + " " + reason));

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void doesNothingWhileWithinTheStallTimeout() {
        advance(Duration.ofMinutes(9));
        assertThat(watchdog.check()).isFalse();
        assertThat(exits).isEmpty();
        assertThat(watchdog.health().healthy()).isTrue();
    }

    @Test
    void exitsNonZeroOnceWhenQuietForTheStallTimeout() {
        watchdog.progress("scan finished");
        advance(Duration.ofMinutes(10));
        assertThat(watchdog.check()).isTrue();
        advance(Duration.ofMinutes(1));
        assertThat(watchdog.check()).isTrue();
        assertThat(exits).containsExactly("1 no progress for 600s (stall timeout 600s); last progress: scan finished");
    }

    @Test
    void aBacklogThatKeepsMovingIsNotAStall() {
        for (int i = 0; i < 1000; i++) {
            advance(Duration.ofMinutes(3));
            watchdog.progress("log processed");
            assertThat(watchdog.check()).isFalse();
        }
        assertThat(exits).isEmpty();
    }

    @Test
    void healthFailsOnceStalledAndNamesTheLastProgress() {
        watchdog.progress("delivery started");
        advance(Duration.ofSeconds(12));
        assertThat(watchdog.health()).isEqualTo(new Health(true, "last progress 12s ago: delivery started"));
        advance(Duration.ofMinutes(10));
        assertThat(watchdog.health())
                .isEqualTo(new Health(false, "last progress 612s ago: delivery started (stall timeout 600s)"));
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> new Watchdog(Duration.ZERO, now::get, (s, r) -> {}))
                .hasMessage("stall-timeout: must be positive: PT0S");
    }
}

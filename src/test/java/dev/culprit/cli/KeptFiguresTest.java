package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.store.StoreException;
import dev.culprit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KeptFiguresTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<Instant> reads = new ArrayList<>();
    private boolean failing;

    private final KeptFigures<String> figures = new KeptFigures<>(clock, Duration.ofSeconds(1),
            LoggerFactory.getLogger(KeptFiguresTest.class), "the test figures", now -> {
                reads.add(now);
                if (failing) {
                    throw new StoreException("store down");
                }
                return "read at " + now;
            });

    @Test
    void readsAreKeptUntilTheyExpire() {
        assertThat(figures.get()).isEqualTo("read at " + T0);
        clock.advance(Duration.ofMillis(999));
        assertThat(figures.get()).isEqualTo("read at " + T0);
        assertThat(reads).containsExactly(T0);

        clock.advance(Duration.ofMillis(1));
        assertThat(figures.get()).isEqualTo("read at " + T0.plusSeconds(1));
        assertThat(reads).containsExactly(T0, T0.plusSeconds(1));
    }

    @Test
    void aFailedReadIsNullAndTriedAgainOnceExpired() {
        failing = true;
        assertThat(figures.get()).isNull();
        assertThat(figures.get()).isNull();
        assertThat(reads).hasSize(1);

        failing = false;
        clock.advance(Duration.ofSeconds(1));
        assertThat(figures.get()).isEqualTo("read at " + T0.plusSeconds(1));
        assertThat(reads).hasSize(2);
    }
}

package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesEachTimeWithJitterUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), new Random(1));
        for (int i = 0; i < 50; i++) {
            assertThat(b.after(1)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(b.after(2)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
            assertThat(b.after(3)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(240));
            assertThat(b.after(30)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
        }
    }

    @Test
    void jitterSpreadsMailsThatFailedTogether() {
        Backoff b = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), new Random(7));
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> b.after(4)).distinct().count()).isGreaterThan(10);
    }
}

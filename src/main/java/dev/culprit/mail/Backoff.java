package dev.culprit.mail;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th wait is {@code initial * 2^(n-1)}, capped, then
 * scaled by a random factor in [0.5, 1] so that mails failed together do not retry together.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after the {@code attempt}-th failure (1 for the first). */
    public Duration after(int attempt) {
        int n = Math.max(1, Math.min(attempt, 40));
        long base = initial.toMillis();
        long ms = base;
        for (int i = 1; i < n && ms < max.toMillis(); i++) {
            ms *= 2;
        }
        ms = Math.min(ms, max.toMillis());
        double factor = 0.5 + random.nextDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, Math.round(ms * factor)));
    }
}

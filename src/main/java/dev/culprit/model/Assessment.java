package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/**
 * How far a result can be trusted.
 *
 * @param score confidence from 0 (no trust) to 1 (no concern)
 * @param signals the concerns raised, each with its reason
 * @param confident no doubt is stated, or only doubts that give context (a flaky reproducer,
 *     skipped commits): the mail may suggest a {@code Fixes:} tag
 */
public record Assessment(Verdict verdict, double score, List<Signal> signals, boolean confident) {
    public Assessment {
        Objects.requireNonNull(verdict, "verdict");
        signals = List.copyOf(signals);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within 0..1: " + score);
        }
    }

    /** An assessment that is confident exactly when it states no doubt. */
    public Assessment(Verdict verdict, double score, List<Signal> signals) {
        this(verdict, score, signals, signals.isEmpty());
    }

    public List<String> reasons() {
        return signals.stream().map(Signal::reason).toList();
    }
}

package dev.culprit.assess;

import java.util.Map;
import java.util.TreeMap;

/**
 * How signals turn into a verdict.
 *
 * @param weights weight per signal id, replacing the defaults for the ids given
 * @param mailThreshold a single-commit result whose score is at least this is mailed to the
 *     maintainers; below it, it is held for moderation
 * @param minReproChance a repro chance estimate below this raises the {@code low-repro-chance} signal
 */
public record AssessPolicy(Map<String, Double> weights, Double mailThreshold, Double minReproChance) {
    public static final Map<String, Double> DEFAULT_WEIGHTS = Map.of(
            Signals.MERGE, 1.0,
            Signals.NOOP_CHANGE, 1.0,
            Signals.RELEASE_COMMIT, 1.0,
            Signals.FLAKY, 0.5,
            Signals.LOW_REPRO_CHANCE, 0.5,
            Signals.TITLE_CHANGED, 0.5,
            Signals.SKIPPED_COMMITS, 0.3,
            Signals.NOT_SINGLE_COMMIT, 1.0);

    public AssessPolicy {
        Map<String, Double> merged = new TreeMap<>(DEFAULT_WEIGHTS);
        if (weights != null) {
            for (var e : weights.entrySet()) {
                if (!DEFAULT_WEIGHTS.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("weights." + e.getKey() + ": unknown signal; known: "
                            + String.join(", ", new TreeMap<>(DEFAULT_WEIGHTS).keySet()));
                }
                if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 1) {
                    throw new IllegalArgumentException("weights." + e.getKey() + ": must be within 0..1: " + e.getValue());
                }
                merged.put(e.getKey(), e.getValue());
            }
        }
        weights = Map.copyOf(merged);
        mailThreshold = mailThreshold == null ? 1.0 : mailThreshold;
        if (mailThreshold < 0 || mailThreshold > 1) {
            throw new IllegalArgumentException("mail-threshold: must be within 0..1: " + mailThreshold);
        }
        minReproChance = minReproChance == null ? 0.5 : minReproChance;
        if (minReproChance < 0 || minReproChance > 1) {
            throw new IllegalArgumentException("min-repro-chance: must be within 0..1: " + minReproChance);
        }
    }

    public static AssessPolicy defaults() {
        return new AssessPolicy(null, null, null);
    }

    public double weight(String signal) {
        return weights.getOrDefault(signal, 0.0);
    }
}

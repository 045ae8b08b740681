package dev.culprit.assess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How signals turn into a verdict: the {@code assess} section of the configuration.
 *
 * @param weights weight per signal id, from 0 (ignored) to 1 (holds the result on its own),
 *     replacing the defaults of {@link Signals#DEFAULT_WEIGHTS} for the ids given
 * @param mailThreshold a single-commit result whose score is at least this is mailed to the
 *     maintainers; below it, it is held for moderation
 * @param minReproChance a repro chance estimate below this raises {@code low-repro-chance}
 * @param minCrashFraction when fewer than this fraction of the culprit's test runs crashed,
 *     {@code few-crashes} is raised
 * @param noisyRunFraction a commit judged free of the crash although at least this fraction of its runs
 *     failed to boot or test raises {@code noisy-good}
 * @param maxErrorProbability an accumulated error probability above this raises
 *     {@code error-probability}
 * @param minOtherBlames a commit already blamed for at least this many other crashes raises
 *     {@code blamed-before}
 * @param contextSignals the signals that only give context: a doubt among them alone does not
 *     withdraw the {@code Fixes:} suggestion, and one is stated even when its weight is 0 (by
 *     default a flaky reproducer and skipped commits, routine on right culprits, and a commit
 *     blamed before, which the fit gives no weight but a maintainer wants to know)
 */
public record AssessPolicy(
        Map<String, Double> weights,
        Double mailThreshold,
        Double minReproChance,
        Double minCrashFraction,
        Double noisyRunFraction,
        Double maxErrorProbability,
        Integer minOtherBlames,
        List<String> contextSignals) {
    public static final double DEFAULT_MAIL_THRESHOLD = 0.08;
    public static final double DEFAULT_MIN_REPRO_CHANCE = 0.5;
    public static final double DEFAULT_MIN_CRASH_FRACTION = 0.5;
    public static final double DEFAULT_NOISY_RUN_FRACTION = 0.25;
    public static final double DEFAULT_MAX_ERROR_PROBABILITY = 0.25;
    public static final int DEFAULT_MIN_OTHER_BLAMES = 1;
    public static final List<String> DEFAULT_CONTEXT_SIGNALS =
            List.of(Signals.FLAKY, Signals.SKIPPED_COMMITS, Signals.BLAMED_BEFORE);

    public AssessPolicy {
        Map<String, Double> merged = new LinkedHashMap<>(Signals.DEFAULT_WEIGHTS);
        if (weights != null) {
            for (var e : weights.entrySet()) {
                if (!Signals.DEFAULT_WEIGHTS.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("weights." + e.getKey() + ": unknown signal; known: "
                            + String.join(", ", Signals.ALL));
                }
                if (e.getValue() == null || !(e.getValue() >= 0 && e.getValue() <= 1)) {
                    throw new IllegalArgumentException(
                            "weights." + e.getKey() + ": must be within 0..1: " + e.getValue());
                }
                merged.put(e.getKey(), e.getValue());
            }
        }
        weights = Collections.unmodifiableMap(merged);
        mailThreshold = fraction("mail-threshold", mailThreshold, DEFAULT_MAIL_THRESHOLD);
        minReproChance = fraction("min-repro-chance", minReproChance, DEFAULT_MIN_REPRO_CHANCE);
        minCrashFraction = fraction("min-crash-fraction", minCrashFraction, DEFAULT_MIN_CRASH_FRACTION);
        noisyRunFraction = fraction("noisy-run-fraction", noisyRunFraction, DEFAULT_NOISY_RUN_FRACTION);
        maxErrorProbability = fraction("max-error-probability", maxErrorProbability, DEFAULT_MAX_ERROR_PROBABILITY);
        if (minOtherBlames == null) {
            minOtherBlames = DEFAULT_MIN_OTHER_BLAMES;
        } else if (minOtherBlames < 1) {
            throw new IllegalArgumentException("min-other-blames: must be at least 1: " + minOtherBlames);
        }
        if (contextSignals == null) {
            contextSignals = DEFAULT_CONTEXT_SIGNALS;
        } else {
            for (String id : contextSignals) {
                if (id == null || !Signals.DEFAULT_WEIGHTS.containsKey(id)) {
                    throw new IllegalArgumentException("context-signals: unknown signal " + id + "; known: "
                            + String.join(", ", Signals.ALL));
                }
            }
            contextSignals = List.copyOf(contextSignals);
        }
    }

    /** A policy with the default context signals. */
    public AssessPolicy(Map<String, Double> weights, Double mailThreshold, Double minReproChance,
            Double minCrashFraction, Double noisyRunFraction, Double maxErrorProbability, Integer minOtherBlames) {
        this(weights, mailThreshold, minReproChance, minCrashFraction, noisyRunFraction, maxErrorProbability,
                minOtherBlames, null);
    }

    /**
     * Whether a result with these concerns may still suggest a {@code Fixes:} tag: it states no
     * doubt, or every doubt it states is one of the context signals.
     */
    public boolean confident(java.util.Collection<String> raised) {
        return contextSignals.containsAll(raised);
    }

    public static AssessPolicy defaults() {
        return new AssessPolicy(null, null, null, null, null, null, null);
    }

    /** The same policy with the given weights replacing the current ones for their ids. */
    public AssessPolicy withWeights(Map<String, Double> changed) {
        Map<String, Double> w = new LinkedHashMap<>(weights);
        w.putAll(changed);
        return new AssessPolicy(w, mailThreshold, minReproChance, minCrashFraction, noisyRunFraction,
                maxErrorProbability, minOtherBlames, contextSignals);
    }

    /** The same policy with another mail threshold. */
    public AssessPolicy withMailThreshold(double threshold) {
        return new AssessPolicy(weights, threshold, minReproChance, minCrashFraction, noisyRunFraction,
                maxErrorProbability, minOtherBlames, contextSignals);
    }

    /**
     * Whether a raised signal is stated in the mail: it has a weight, or it gives context (a
     * context signal of weight 0 is told but changes nothing). Any other signal of weight 0 is
     * switched off.
     */
    public boolean stated(String signal) {
        return weight(signal) > 0 || contextSignals.contains(signal);
    }

    public double weight(String signal) {
        return weights.getOrDefault(signal, 0.0);
    }

    /** The confidence left after the given signals: the product of {@code (1 - weight)}. */
    public double score(java.util.Collection<String> raised) {
        return score(weights, raised);
    }

    /**
     * The product of {@code (1 - weight)}, rounded to nine decimals so that it equals what a
     * maintainer computes by hand ({@code 1 - 0.9} is 0.1, not 0.09999999999999998) and compares
     * with the threshold as expected.
     */
    static double score(Map<String, Double> weights, java.util.Collection<String> raised) {
        double score = 1.0;
        for (String id : raised) {
            score *= 1.0 - weights.getOrDefault(id, 0.0);
        }
        return Math.max(0, Math.min(1, Math.round(score * 1e9) / 1e9));
    }

    private static double fraction(String key, Double value, double def) {
        if (value == null) {
            return def;
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + ": must be within 0..1: " + value);
        }
        return value;
    }
}

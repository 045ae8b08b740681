package dev.culprit.assess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of the signals, each also the config key of its weight, with the default weights.
 *
 * <p>The score of a result is the product of {@code (1 - weight)} over the signals raised, and a
 * single-commit result is mailed when the score is at least the policy's mail threshold (0.5 by
 * default). The defaults come in four strengths, chosen on syzbot's labelled cause bisections
 * ({@link CrossValidation} checks that the choice generalises):
 * <ul>
 *   <li>1.0, structural: the commit cannot have caused any crash (merge, no-op build, release
 *       commit) or there is no single commit; one such signal holds the result;
 *   <li>0.6, the commit and the crash do not meet: it changes nothing that is built into the
 *       tested kernel, or none of the files in the crash's call trace; holds on its own;
 *   <li>0.3, doubts about the evidence: one is reported but still mailed, two hold the result
 *       ({@code 0.7 * 0.7 < 0.5});
 *   <li>0.15 and 0.1, context: reported, but never enough to hold a result together with a
 *       single doubt.
 * </ul>
 */
public final class Signals {
    public static final String NOT_SINGLE_COMMIT = "not-single-commit";
    public static final String MERGE = "merge";
    public static final String NOOP_CHANGE = "noop-change";
    public static final String RELEASE_COMMIT = "release-commit";
    public static final String UNBUILT_CHANGE = "unbuilt-change";
    public static final String CRASH_CHANGED = "crash-changed";
    public static final String FEW_CRASHES = "few-crashes";
    public static final String NOT_IN_TRACE = "not-in-trace";
    public static final String COMPILER_CHANGED = "compiler-changed";
    public static final String NOISY_GOOD = "noisy-good";
    public static final String START_COMMIT = "start-commit";
    public static final String ERROR_PROBABILITY = "error-probability";
    public static final String LOW_REPRO_CHANCE = "low-repro-chance";
    public static final String FLAKY = "flaky";
    public static final String SKIPPED_COMMITS = "skipped-commits";

    /** Default weight per signal id, in the order the signals are reported. */
    public static final Map<String, Double> DEFAULT_WEIGHTS = defaults();

    /** Every signal id, in report order. */
    public static final List<String> ALL = List.copyOf(DEFAULT_WEIGHTS.keySet());

    private Signals() {}

    private static Map<String, Double> defaults() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(NOT_SINGLE_COMMIT, 1.0);
        m.put(MERGE, 1.0);
        m.put(NOOP_CHANGE, 1.0);
        m.put(RELEASE_COMMIT, 1.0);
        m.put(UNBUILT_CHANGE, 0.6);
        m.put(CRASH_CHANGED, 0.3);
        m.put(FEW_CRASHES, 0.3);
        m.put(NOT_IN_TRACE, 0.6);
        m.put(COMPILER_CHANGED, 0.3);
        m.put(NOISY_GOOD, 0.3);
        m.put(START_COMMIT, 0.3);
        m.put(ERROR_PROBABILITY, 0.3);
        m.put(LOW_REPRO_CHANCE, 0.3);
        m.put(FLAKY, 0.15);
        m.put(SKIPPED_COMMITS, 0.1);
        return java.util.Collections.unmodifiableMap(m);
    }
}

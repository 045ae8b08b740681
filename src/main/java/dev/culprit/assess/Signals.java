package dev.culprit.assess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of the signals, each also the config key of its weight, with the default weights.
 *
 * <p>The score of a result is the product of {@code (1 - weight)} over the signals raised, and a
 * single-commit result is mailed when the score is at least the policy's mail threshold. The
 * structural signals weigh 1 by definition; every other default, and the default threshold, is
 * what {@link Calibration} fits to the 454 labelled single culprits of syzbot's logs (test
 * resources {@code corpus/real}; {@code culprit calibrate} reproduces them), except for signals
 * raised too rarely there to fit ({@code compiler-changed}, {@code start-commit},
 * {@code error-probability}, {@code low-repro-chance}), which keep 0.3. With those defaults any one
 * doubt alone is stated but mailed; a crash in another place than the original holds together
 * with any other doubt of weight 0.5 or more. The fit gives {@code blamed-before} weight 0: as a
 * context signal it is stated but weighs nothing.
 */
public final class Signals {
    public static final String NOT_SINGLE_COMMIT = "not-single-commit";
    public static final String MERGE = "merge";
    public static final String NOOP_CHANGE = "noop-change";
    public static final String RELEASE_COMMIT = "release-commit";
    public static final String UNBUILT_CHANGE = "unbuilt-change";
    public static final String CRASH_CHANGED = "crash-changed";
    public static final String CRASH_VARIANT = "crash-variant";
    public static final String FEW_CRASHES = "few-crashes";
    public static final String NOT_IN_TRACE = "not-in-trace";
    public static final String BUG_DETECTOR = "bug-detector";
    public static final String COMPILER_CHANGED = "compiler-changed";
    public static final String NOISY_GOOD = "noisy-good";
    public static final String RELEASE_CRASHED = "release-crashed";
    public static final String BLAMED_BEFORE = "blamed-before";
    public static final String START_COMMIT = "start-commit";
    public static final String ERROR_PROBABILITY = "error-probability";
    public static final String LOW_REPRO_CHANCE = "low-repro-chance";
    public static final String FLAKY = "flaky";
    public static final String SKIPPED_COMMITS = "skipped-commits";

    /** Default weight per signal id, in the order the signals are reported. */
    public static final Map<String, Double> DEFAULT_WEIGHTS = defaults();

    /** Every signal id, in report order. */
    public static final List<String> ALL = List.copyOf(DEFAULT_WEIGHTS.keySet());

    /**
     * The structural signals: the result has no single commit, or the commit cannot have caused
     * any crash. Their weight is 1 by definition; calibration leaves them alone.
     */
    public static final java.util.Set<String> STRUCTURAL = java.util.Set.of(NOT_SINGLE_COMMIT, MERGE, NOOP_CHANGE,
            RELEASE_COMMIT, UNBUILT_CHANGE);

    private Signals() {}

    private static Map<String, Double> defaults() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(NOT_SINGLE_COMMIT, 1.0);
        m.put(MERGE, 1.0);
        m.put(NOOP_CHANGE, 1.0);
        m.put(RELEASE_COMMIT, 1.0);
        m.put(UNBUILT_CHANGE, 1.0);
        m.put(CRASH_CHANGED, 0.85);
        m.put(CRASH_VARIANT, 0.5);
        m.put(FEW_CRASHES, 0.65);
        m.put(NOT_IN_TRACE, 0.75);
        m.put(BUG_DETECTOR, 0.75);
        m.put(COMPILER_CHANGED, 0.3);
        m.put(NOISY_GOOD, 0.35);
        m.put(RELEASE_CRASHED, 0.65);
        m.put(START_COMMIT, 0.3);
        m.put(ERROR_PROBABILITY, 0.3);
        m.put(LOW_REPRO_CHANCE, 0.3);
        m.put(BLAMED_BEFORE, 0.0);
        m.put(FLAKY, 0.2);
        m.put(SKIPPED_COMMITS, 0.3);
        return java.util.Collections.unmodifiableMap(m);
    }
}

package dev.culprit.assess;

/** The ids of the signals; each is also the config key of its weight. */
public final class Signals {
    public static final String MERGE = "merge";
    public static final String NOOP_CHANGE = "noop-change";
    public static final String RELEASE_COMMIT = "release-commit";
    public static final String FLAKY = "flaky";
    public static final String LOW_REPRO_CHANCE = "low-repro-chance";
    public static final String TITLE_CHANGED = "title-changed";
    public static final String SKIPPED_COMMITS = "skipped-commits";
    public static final String NOT_SINGLE_COMMIT = "not-single-commit";

    private Signals() {}
}

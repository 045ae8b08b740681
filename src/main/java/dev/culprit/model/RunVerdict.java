package dev.culprit.model;

import java.util.Objects;

/**
 * The verdict of one test run ({@code run #3: crashed: ...}) or of all runs at once
 * ({@code all runs: OK}, then {@code run} is -1).
 */
public record RunVerdict(int run, Kind kind, String detail) {
    public enum Kind {
        OK,
        CRASHED,
        BOOT_FAILED,
        TEST_FAILED,
        INFRA,
        IGNORE,
        BUILD_FAILED,
        OTHER
    }

    public static final int ALL_RUNS = -1;

    public RunVerdict {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public boolean allRuns() {
        return run == ALL_RUNS;
    }
}

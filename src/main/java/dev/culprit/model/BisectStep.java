package dev.culprit.model;

import java.util.Objects;

/**
 * One {@code # git bisect} command and what git answered.
 *
 * @param command {@code start}, {@code good}, {@code bad} or {@code skip}
 * @param revisions the arguments (one hash for good/bad/skip; bad and good for start)
 * @param revisionsLeft from {@code Bisecting: N revisions left}, or null
 * @param stepsLeft from {@code (roughly M steps)}, or null
 * @param line 1-based line of the command
 */
public record BisectStep(String command, java.util.List<String> revisions, Integer revisionsLeft, Integer stepsLeft, int line) {
    public BisectStep {
        Objects.requireNonNull(command, "command");
        revisions = java.util.List.copyOf(revisions);
    }
}

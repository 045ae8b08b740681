package dev.culprit.model;

import java.util.Optional;

/**
 * How the culprits this bot mailed fared once their fix landed: counted from labels that landed
 * fixes gave, never from operators' or replies'.
 *
 * @param landed mailed culprits with a label from a landed fix
 * @param right how many of them the fix said were right
 */
public record TrackRecord(int landed, int right) {
    public TrackRecord {
        if (landed < 0 || right < 0 || right > landed) {
            throw new IllegalArgumentException("not a track record: " + right + " right of " + landed);
        }
    }

    /** This record when it counts at least {@code minLabelled} culprits, the only time a mail may cite it. */
    public Optional<TrackRecord> citable(int minLabelled) {
        return landed >= minLabelled && landed > 0 ? Optional.of(this) : Optional.empty();
    }
}

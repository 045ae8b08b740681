package dev.culprit.model;

import java.util.Objects;

/**
 * One reason for doubt found in a log.
 *
 * @param id a stable identifier ({@code merge-commit}), also the config key of its weight
 * @param weight how much it lowers the confidence, from 0 to 1
 * @param reason one sentence a maintainer understands
 */
public record Signal(String id, double weight, String reason) {
    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be within 0..1: " + weight);
        }
    }
}

package dev.culprit.store;

import dev.culprit.model.Label;
import java.util.List;
import java.util.Optional;

/**
 * A result's labels, oldest first, with what it was mailed about.
 *
 * @param key the full result key
 * @param shortKey its short id
 * @param mailedCulprit the culprit the result named, or null when the store does not know it
 *     (a result stored before labels existed)
 * @param labels every label, oldest first
 */
public record ResultLabels(String key, String shortKey, String mailedCulprit, List<Label> labels) {
    public ResultLabels {
        labels = List.copyOf(labels);
    }

    public Optional<Label> inForce() {
        return Label.inForce(labels);
    }

    /** The culprit believed: the label in force's, else the mailed one's when that label says right. */
    public String culpritBelieved() {
        Optional<Label> l = inForce();
        if (l.isEmpty()) {
            return null;
        }
        if (l.get().culprit() != null) {
            return l.get().culprit();
        }
        return l.get().value() == Label.Value.RIGHT ? mailedCulprit : null;
    }
}

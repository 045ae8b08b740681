package dev.culprit.fixes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code learn} section: where landed fixes are read from and when a mail may cite the
 * bot's track record.
 *
 * @param gitDir a local clone of the tree fixes land in, kept fresh by the operator's own
 *     {@code git fetch}; null: no fix-history scan
 * @param refs the refs whose history is read
 * @param scanInterval how often the history is read
 * @param minLabelled how many mailed culprits must have a label from a landed fix before every
 *     culprit mail cites the track record
 */
public record LearnSettings(Path gitDir, List<String> refs, Duration scanInterval, Integer minLabelled) {
    public LearnSettings {
        refs = refs == null || refs.isEmpty() ? List.of("HEAD") : List.copyOf(refs);
        scanInterval = scanInterval == null ? Duration.ofHours(1) : scanInterval;
        minLabelled = minLabelled == null ? 20 : minLabelled;
        for (String ref : refs) {
            if (ref == null || ref.isBlank() || ref.chars().anyMatch(ch -> ch <= 0x20 || ch == 0x7f)) {
                throw new IllegalArgumentException("refs: not a ref name: \"" + ref + "\"");
            }
        }
        if (scanInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("scan-interval: must be at least 1 s: " + scanInterval);
        }
        if (minLabelled < 1) {
            throw new IllegalArgumentException("min-labelled: must be at least 1: " + minLabelled);
        }
    }

    public static LearnSettings defaults() {
        return new LearnSettings(null, null, null, null);
    }

    /** Whether the fix-history scan runs. */
    public boolean scans() {
        return gitDir != null;
    }
}

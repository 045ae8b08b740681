package dev.culprit.assess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often a commit was blamed for other crashes: the value behind {@code blamed-before}. The
 * service counts only the results it already holds; a corpus can only count every other log.
 */
public final class Blames {
    /** One result: the commit it blamed and the crash it bisected (null when not known). */
    public record Blame(String culprit, String crash) {}

    private Blames() {}

    /** The commit a cause bisection blamed; null for any other result. */
    public static String culprit(dev.culprit.model.BisectionReport r) {
        boolean cause = r.type() == dev.culprit.model.BisectionType.CAUSE || r.type() == null;
        if (!cause || r.outcome() != dev.culprit.model.Outcome.CULPRIT) {
            return null;
        }
        return r.culpritHash() != null ? r.culpritHash() : r.culprit() == null ? null : r.culprit().hash();
    }

    /** The crash a bisection started from. */
    public static String crash(dev.culprit.model.BisectionReport r) {
        return r.originalCrashTitle() != null ? r.originalCrashTitle() : r.crashTitle();
    }

    /**
     * For each result, how many of the others blamed the same commit for a different crash
     * (results without a culprit count 0; a crash that is not known counts as different).
     */
    public static int[] others(List<Blame> results) {
        Map<String, Integer> perCulprit = new HashMap<>();
        Map<List<String>, Integer> perCrash = new HashMap<>();
        for (Blame b : results) {
            if (b.culprit() != null) {
                perCulprit.merge(b.culprit(), 1, Integer::sum);
                if (b.crash() != null) {
                    perCrash.merge(List.of(b.culprit(), b.crash()), 1, Integer::sum);
                }
            }
        }
        int[] counts = new int[results.size()];
        for (int i = 0; i < counts.length; i++) {
            Blame b = results.get(i);
            if (b.culprit() != null) {
                int same = b.crash() == null ? 1 : perCrash.get(List.of(b.culprit(), b.crash()));
                counts[i] = perCulprit.get(b.culprit()) - same;
            }
        }
        return counts;
    }
}

package dev.culprit.assess;

import dev.culprit.model.Assessment;
import dev.culprit.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Single-commit results whose culprit is known to be right or wrong, judged by a policy and by
 * syzbot's own gate ({@code done} = mailed, anything else = held back).
 */
public final class LabelledEvaluation {
    /** The syzbot state of a result it mailed. */
    public static final String SYZBOT_MAILED = "done";

    /**
     * One labelled result.
     *
     * @param log the log's name
     * @param syzbotState syzbot's own label ({@code done}, {@code unreliable}, ...)
     * @param right whether the culprit was the true one
     * @param raised every signal the log raised, with its reason
     * @param assessment the policy's assessment
     * @param culprit the culprit commit's hash (logs of one commit are kept together when folds are cut)
     */
    public record Entry(String log, String syzbotState, boolean right, Map<String, String> raised, Assessment assessment,
            String culprit) {
        public Entry {
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(syzbotState, "syzbotState");
            raised = Map.copyOf(raised);
            Objects.requireNonNull(assessment, "assessment");
        }

        public boolean mailed() {
            return assessment.verdict() == Verdict.MAIL;
        }
    }

    private final List<Entry> entries;

    public LabelledEvaluation(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The policy's table: mailed means verdict {@code mail}. */
    public Confusion policy() {
        Confusion c = Confusion.empty();
        for (Entry e : entries) {
            c = c.add(e.mailed(), e.right(), !e.assessment().signals().isEmpty());
        }
        return c;
    }

    /** syzbot's own gate on the same results. */
    public Confusion syzbot() {
        Confusion c = Confusion.empty();
        for (Entry e : entries) {
            c = c.add(SYZBOT_MAILED.equals(e.syzbotState()), e.right());
        }
        return c;
    }

    /** For each signal, in report order, how many right and wrong culprits raised it. */
    public Map<String, int[]> signalCounts() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String id : Signals.ALL) {
            int[] rw = new int[2];
            for (Entry e : entries) {
                if (e.raised().containsKey(id)) {
                    rw[e.right() ? 0 : 1]++;
                }
            }
            counts.put(id, rw);
        }
        return counts;
    }

    /** The entries as cases for {@link Calibration}: grouped by culprit commit (by log when it is not known). */
    public List<Calibration.Case> cases() {
        List<Calibration.Case> cases = new ArrayList<>();
        for (Entry e : entries) {
            cases.add(new Calibration.Case(e.culprit() != null ? e.culprit() : e.log(), e.raised().keySet(), e.right()));
        }
        return cases;
    }

    /** The entries whose log is (or is not) in the {@link Holdout}. */
    public LabelledEvaluation holdout(boolean holdout) {
        return new LabelledEvaluation(Holdout.split(entries, Entry::log, holdout));
    }

    /** Both tables and the signal counts, as printed by the report command. */
    public String format(AssessPolicy policy) {
        StringBuilder b = new StringBuilder();
        Confusion p = policy();
        b.append(String.format(Locale.ROOT, "%d labelled single-commit results: %d right culprits, %d wrong%n%n",
                entries.size(), p.right(), p.wrong()));
        b.append(p.format("culprit policy (mail when score >= " + policy.mailThreshold() + ")"));
        b.append('\n');
        b.append(syzbot().format("syzbot's gate (mailed when its state is done)"));
        b.append('\n');
        b.append("signals raised      right  wrong  weight\n");
        for (var e : signalCounts().entrySet()) {
            b.append(String.format(Locale.ROOT, "  %-18s %5d  %5d  %6.2f%n", e.getKey(), e.getValue()[0],
                    e.getValue()[1], policy.weight(e.getKey())));
        }
        return b.toString();
    }
}

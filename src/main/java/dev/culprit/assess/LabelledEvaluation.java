package dev.culprit.assess;

import dev.culprit.model.Assessment;
import dev.culprit.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
     * @param culpritDate the culprit commit's date as git printed it, or null
     */
    public record Entry(String log, String syzbotState, boolean right, Map<String, String> raised, Assessment assessment,
            String culpritDate) {
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
            c = c.add(e.mailed(), e.right());
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

    /** The entries as cases for {@link CrossValidation}. */
    public List<CrossValidation.Case> cases() {
        return cases(entries);
    }

    /**
     * The entries whose culprit date can be read, oldest first: the split of a check on unseen
     * logs of a later generation of the bisection tool.
     */
    public List<Entry> byCulpritDate() {
        List<Entry> dated = new ArrayList<>();
        for (Entry e : entries) {
            if (instant(e.culpritDate()) != null) {
                dated.add(e);
            }
        }
        dated.sort(java.util.Comparator.comparing((Entry e) -> instant(e.culpritDate())).thenComparing(Entry::log));
        return dated;
    }

    public static List<CrossValidation.Case> cases(List<Entry> entries) {
        List<CrossValidation.Case> cases = new ArrayList<>();
        for (Entry e : entries) {
            cases.add(new CrossValidation.Case(Set.copyOf(e.raised().keySet()), e.right()));
        }
        return cases;
    }

    private static final java.time.format.DateTimeFormatter GIT_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z", Locale.ROOT);

    /** A {@code Date:} value of git's default format, or null when it is not one. */
    static java.time.Instant instant(String gitDate) {
        if (gitDate == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(gitDate.strip(), GIT_DATE).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
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

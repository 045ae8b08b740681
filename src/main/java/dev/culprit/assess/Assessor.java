package dev.culprit.assess;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.Outcome;
import dev.culprit.model.Signal;
import dev.culprit.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Judges whether a result is trustworthy enough to blame someone. Each signal is independent;
 * the score is the product of {@code (1 - weight)} over the signals raised.
 */
public final class Assessor {
    private static final Pattern RELEASE_TITLE = Pattern.compile("^Linux \\d+\\.\\d+(\\.\\d+)?(-rc\\d+)?$");

    private final AssessPolicy policy;

    public Assessor(AssessPolicy policy) {
        this.policy = policy;
    }

    public Assessment assess(BisectionReport r) {
        List<Signal> signals = new ArrayList<>();
        boolean single = r.outcome() == Outcome.CULPRIT || r.outcome() == Outcome.FIX;
        if (!single) {
            add(signals, Signals.NOT_SINGLE_COMMIT, "The bisection did not end on a single commit ("
                    + r.outcome().id() + ").");
        }
        if (r.culprit() != null && r.culprit().isMerge()) {
            add(signals, Signals.MERGE, "The commit is a merge; merges rarely introduce bugs themselves.");
        }
        if (r.culpritSignature() != null && r.culpritSignature().equals(r.parentSignature())) {
            add(signals, Signals.NOOP_CHANGE,
                    "The commit and its parent build the same kernel (equal signatures), so it cannot change behaviour.");
        }
        if (r.culpritTitle() != null && RELEASE_TITLE.matcher(r.culpritTitle().strip()).matches()) {
            add(signals, Signals.RELEASE_COMMIT, "The commit is a release commit (" + r.culpritTitle().strip() + ").");
        }
        if (r.reproducerFlaky()) {
            add(signals, Signals.FLAKY, "The reproducer was flagged as flaky.");
        }
        if (r.reproChance() != null && r.reproChance() < policy.minReproChance()) {
            add(signals, Signals.LOW_REPRO_CHANCE, String.format(Locale.ROOT,
                    "The reproducer crashed in only %.0f%% of runs.", r.reproChance() * 100));
        }
        if (r.originalCrashTitle() != null && r.crashTitle() != null
                && !r.originalCrashTitle().equals(r.crashTitle())) {
            add(signals, Signals.TITLE_CHANGED, "The crash changed along the bisection: \""
                    + r.originalCrashTitle() + "\" at the start, \"" + r.crashTitle() + "\" at the culprit.");
        }
        long skips = r.bisectSteps().stream().filter(s -> s.command().equals("skip")).count();
        if (skips > 0) {
            add(signals, Signals.SKIPPED_COMMITS, skips + " commit" + (skips == 1 ? " was" : "s were")
                    + " skipped because they could not be tested.");
        }
        double score = 1.0;
        for (Signal s : signals) {
            score *= 1.0 - s.weight();
        }
        Verdict verdict = single && score >= policy.mailThreshold() ? Verdict.MAIL : Verdict.MODERATE;
        return new Assessment(verdict, Math.max(0, Math.min(1, score)), signals);
    }

    private void add(List<Signal> signals, String id, String reason) {
        double w = policy.weight(id);
        if (w > 0) {
            signals.add(new Signal(id, w, reason));
        }
    }
}

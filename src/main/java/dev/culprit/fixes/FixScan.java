package dev.culprit.fixes;

import dev.culprit.learn.FixCommit;
import dev.culprit.learn.ResultIndex;
import dev.culprit.learn.FixJudge;
import dev.culprit.model.Label;
import dev.culprit.model.MailedResult;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.Labels;
import dev.culprit.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the fix history: for each configured ref, the commits new since the last pass
 * (the first pass reaches back to the oldest mailed culprit), each fix linked to the results its
 * trailers point at and judged, its labels stored once. Where it stopped is remembered in the
 * store; history rewritten under it is read again from the oldest mailed culprit, which labels
 * nothing twice.
 */
public final class FixScan {
    private static final Logger log = LoggerFactory.getLogger(FixScan.class);

    private final LearnSettings settings;
    private final String archiveUrl;
    private final Labels labels;
    private final LabelCounts counts;
    private final Clock clock;

    /** What one pass did. */
    public record Pass(long commitsRead, int linked, int labelled, int undecided, List<String> problems) {
        public Pass {
            problems = List.copyOf(problems);
        }
    }

    /** @param archiveUrl {@code message.archive-url}, or null */
    public FixScan(LearnSettings settings, String archiveUrl, Labels labels, LabelCounts counts, Clock clock) {
        this.settings = settings;
        this.archiveUrl = archiveUrl;
        this.labels = labels;
        this.counts = counts;
        this.clock = clock;
    }

    /** Runs one pass; a problem with the clone or a ref is logged and returned, never thrown. */
    public Pass run() throws StoreException {
        List<MailedResult> mailed = counts.mailedCulprits();
        if (mailed.isEmpty()) {
            log.debug("fix scan: no culprit mailed yet, nothing to learn");
            return new Pass(0, 0, 0, 0, List.of());
        }
        Tally tally = new Tally(new ResultIndex(mailed, archiveUrl));
        Instant since = mailed.get(0).mailedAt();
        List<String> problems = new java.util.ArrayList<>();
        try (FixHistory history = FixHistory.open(settings.gitDir())) {
            for (String ref : settings.refs()) {
                try {
                    scanRef(history, ref, since, tally);
                } catch (LearnProblem e) {
                    log.warn("fix scan: {}", e.getMessage());
                    problems.add(e.getMessage());
                }
            }
        } catch (LearnProblem e) {
            log.warn("fix scan: {}; no label learned", e.getMessage());
            problems.add(e.getMessage());
        }
        log.info("fix scan: {} commit(s) read, {} fix(es) linked to a mailed culprit, {} new label(s), {} without one",
                tally.read, tally.linked, tally.labelled, tally.undecided);
        return new Pass(tally.read, tally.linked, tally.labelled, tally.undecided, problems);
    }

    private void scanRef(FixHistory history, String ref, Instant since, Tally tally) throws LearnProblem, StoreException {
        Optional<ObjectId> tip = history.resolve(ref);
        if (tip.isEmpty()) {
            throw new LearnProblem("learn.refs: " + ref + " does not exist in " + settings.gitDir() + "; nothing read on it");
        }
        String seen = counts.lastSeen(ref).orElse(null);
        if (seen != null && seen.equals(tip.get().name())) {
            return;
        }
        if (seen != null && !history.onHistory(seen, tip.get())) {
            log.warn("fix scan: the history of {} was rewritten: {}, where the last scan stopped, is no longer on it;"
                    + " reading it again from the oldest mailed culprit ({})", ref, seen, since);
            seen = null;
        }
        try {
            tally.read += history.walk(tip.get(), seen, since, commit -> tally.judge(commit, labels, clock));
        } catch (StoreFailure e) {
            throw e.cause;
        }
        counts.remember(ref, tip.get().name(), clock.instant());
    }

    /** A store failure carried out of the walk's visitor. */
    private static final class StoreFailure extends RuntimeException {
        final StoreException cause;

        StoreFailure(StoreException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }

    private static final class Tally {
        final ResultIndex index;
        long read;
        int linked;
        int labelled;
        int undecided;

        Tally(ResultIndex index) {
            this.index = index;
        }

        void judge(FixCommit commit, Labels labels, Clock clock) {
            for (MailedResult r : index.linked(commit.trailers())) {
                linked++;
                FixJudge.Judgement j = FixJudge.judge(r, commit, clock.instant());
                if (j.label().isEmpty()) {
                    undecided++;
                    log.info("fix scan: fix {} points at result {} but gives no label: {}", commit.hash(), r.shortKey(), j.why());
                    continue;
                }
                Label l = j.label().get();
                try {
                    if (labels.addFix(r.id(), l, commit.fingerprint())) {
                        labelled++;
                        log.info("fix scan: fix {} labels result {} {}: {}", commit.hash(), r.shortKey(), l.value().id(), j.why());
                    }
                } catch (StoreException e) {
                    throw new StoreFailure(e);
                }
            }
        }
    }
}

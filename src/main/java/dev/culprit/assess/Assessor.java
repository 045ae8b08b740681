package dev.culprit.assess;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Outcome;
import dev.culprit.model.Phase;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.Signal;
import dev.culprit.model.TestedRevision;
import dev.culprit.model.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges whether a result is trustworthy enough to blame someone. Each signal is read from the
 * log alone and carries one sentence for the maintainer; the score is the product of
 * {@code (1 - weight)} over the signals raised. A single-commit result is mailed when its score
 * reaches the policy's mail threshold, held for moderation otherwise; a log without a final
 * result is not mailed at all.
 */
public final class Assessor {
    private static final Pattern RELEASE_TITLE = Pattern.compile("^Linux \\d+\\.\\d+(\\.\\d+)?(-rc\\d+)?$");
    private static final int LISTED = 3;
    /** Reports whose trace shows a victim (a hung task, a leak, a stall), not where the bug is. */
    private static final Pattern VICTIM_TRACE = Pattern.compile("^(INFO: task hung|INFO: rcu detected stall|INFO: task can't die"
            + "|unregister_netdevice: waiting for|memory leak in|BUG: soft lockup|watchdog: BUG: soft lockup"
            + "|no output from test machine|lost connection to test machine)");

    private final AssessPolicy policy;

    public Assessor(AssessPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    public Assessment assess(BisectionReport r) {
        return assess(r, 0);
    }

    /**
     * Assesses a result knowing how many other results blamed the same commit for a different
     * crash ({@code otherBlames}, 0 when unknown).
     */
    public Assessment assess(BisectionReport r, int otherBlames) {
        Map<String, String> raised = findings(r, otherBlames);
        boolean single = isSingle(r);
        List<Signal> signals = new ArrayList<>();
        for (var e : raised.entrySet()) {
            if (policy.stated(e.getKey())) {
                signals.add(new Signal(e.getKey(), policy.weight(e.getKey()), e.getValue()));
            }
        }
        double score = policy.score(raised.keySet());
        Verdict verdict;
        if (r.outcome() == Outcome.TRUNCATED) {
            verdict = Verdict.SKIP;
        } else if (single && score >= policy.mailThreshold()) {
            verdict = Verdict.MAIL;
        } else {
            verdict = Verdict.MODERATE;
        }
        return new Assessment(verdict, score, signals,
                policy.confident(signals.stream().map(Signal::id).toList()));
    }

    /**
     * Every signal the log raises, whatever its weight, with its reason, in report order.
     * {@link #assess} keeps those the policy states.
     */
    public Map<String, String> findings(BisectionReport r) {
        return findings(r, 0);
    }

    /** {@link #findings(BisectionReport)}, knowing how many other results blamed the same commit for a different crash. */
    public Map<String, String> findings(BisectionReport r, int otherBlames) {
        Map<String, String> raised = new LinkedHashMap<>();
        if (!isSingle(r)) {
            raised.put(Signals.NOT_SINGLE_COMMIT, notSingle(r));
        } else {
            // read once: both the structural and the crash signals look at the frames
            CallTrace trace = CallTrace.of(r.crash() == null ? null : r.crash().report());
            structural(r, trace, raised);
            if (isCause(r)) {
                crashEvidence(r, trace, raised);
                releaseEvidence(r, raised);
            }
            rangeEvidence(r, raised);
            reproducer(r, raised);
            if (otherBlames >= policy.minOtherBlames()) {
                raised.put(Signals.BLAMED_BEFORE, "The same commit was already blamed for " + otherBlames
                        + (otherBlames == 1 ? " other crash" : " other crashes")
                        + ", and a commit blamed for several different crashes is more often the wrong one.");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String id : Signals.ALL) {
            if (raised.containsKey(id)) {
                ordered.put(id, raised.get(id));
            }
        }
        return ordered;
    }

    /** Whether the bisection ended on one commit (a culprit or a fix). */
    public static boolean isSingle(BisectionReport r) {
        return r.outcome() == Outcome.CULPRIT || r.outcome() == Outcome.FIX;
    }

    private static String notSingle(BisectionReport r) {
        return switch (r.outcome()) {
            case INCONCLUSIVE -> "The bisection did not end on a single commit: "
                    + count(r.inconclusiveCommits() == null ? 0 : r.inconclusiveCommits().size(), "candidate")
                    + " remain.";
            case OLDEST_RELEASE_HAS_BUG -> "The bisection found no commit: the oldest tested release already crashed "
                    + "or could not be tested.";
            case NOT_FIXED_ON_HEAD -> "The bisection found no commit: the crash still happens on the newest tested "
                    + "commit or that commit could not be tested.";
            case ERROR -> "The bisection stopped with an error and found no commit.";
            case TRUNCATED -> "The log has no final result, so there is nothing to report yet.";
            default -> "The bisection did not end on a single commit (" + r.outcome().id() + ").";
        };
    }

    /** Signals that the commit itself cannot have caused a crash. */
    private void structural(BisectionReport r, CallTrace trace, Map<String, String> raised) {
        String title = r.culprit() != null && !r.culprit().title().isEmpty() ? r.culprit().title() : r.culpritTitle();
        title = title == null ? "" : title.strip();
        if ((r.culprit() != null && r.culprit().isMerge()) || title.startsWith("Merge ")) {
            raised.put(Signals.MERGE, "The commit is a merge, which rarely brings a bug of its own: "
                    + "the bisection most likely went astray in one of the merged branches.");
        }
        if (r.culpritSignature() != null && r.culpritSignature().equals(r.parentSignature())) {
            raised.put(Signals.NOOP_CHANGE, "The commit builds exactly the same kernel as its parent "
                    + "(equal kernel signatures), so it cannot have changed how that kernel behaves.");
        }
        if (RELEASE_TITLE.matcher(title).matches()) {
            raised.put(Signals.RELEASE_COMMIT, "The commit is the release commit \"" + title
                    + "\", which only changes the version number.");
        }
        if (r.culprit() != null && !r.culprit().files().isEmpty()) {
            ChangedPaths changed = new ChangedPaths(r.culprit().files());
            Set<String> arches = trace.arches();
            List<String> unbuilt = changed.unbuilt(arches);
            if (unbuilt.size() == changed.paths().size()) {
                raised.put(Signals.UNBUILT_CHANGE, "The commit changes only " + list(unbuilt)
                        + ", none of which is built into the tested kernel.");
            }
        }
        if (isCause(r) && r.startCommit() != null && r.startCommit().equals(hash(r))) {
            raised.put(Signals.START_COMMIT, "The culprit is the commit the bisection started from: "
                    + "every older commit tested was judged good, so the range was never narrowed by a crash.");
        }
    }

    /** Signals about the crash that made the culprit look bad (cause bisections only). */
    private void crashEvidence(BisectionReport r, CallTrace trace, Map<String, String> raised) {
        Set<String> original = originalTitles(r);
        TestedRevision culpritRun = culpritRevision(r);
        Set<String> culpritTitles = culpritRun == null ? Set.of() : crashTitles(culpritRun);
        String first = original.isEmpty() ? null : original.iterator().next();
        if (first != null && !culpritTitles.isEmpty() && culpritTitles.stream().noneMatch(original::contains)) {
            String seen = r.crashTitle() != null && culpritTitles.contains(r.crashTitle())
                    ? r.crashTitle() : culpritTitles.iterator().next();
            Set<String> places = new HashSet<>();
            original.forEach(t -> places.add(place(t)));
            if (culpritTitles.stream().anyMatch(t -> places.contains(place(t)))) {
                raised.put(Signals.CRASH_VARIANT, "The culprit crashed with \"" + seen + "\", not with the original \""
                        + first + "\", though in the same place: most likely the same bug, seen differently.");
            } else {
                raised.put(Signals.CRASH_CHANGED, "The culprit crashed with \"" + seen + "\", not with the original \""
                        + first + "\": the bisection may have followed a different bug.");
            }
        } else if (first != null && r.crashTitle() != null && !original.contains(r.crashTitle())) {
            raised.put(Signals.CRASH_CHANGED, "The crash reported for the culprit, \"" + r.crashTitle()
                    + "\", is not the original \"" + first + "\": the bisection may have followed a different bug.");
        }
        if (culpritRun != null) {
            long crashed = culpritRun.count(RunVerdict.Kind.CRASHED);
            int runs = culpritRun.verdicts().size();
            boolean allRuns = runs == 1 && culpritRun.verdicts().get(0).allRuns();
            if (crashed > 0 && !allRuns && (double) crashed / runs < policy.minCrashFraction()) {
                raised.put(Signals.FEW_CRASHES, "Only " + crashed + " of " + runs
                        + " test runs crashed on the culprit, thin evidence that it is the first bad commit.");
            }
        }
        if (r.culprit() != null && !r.culprit().files().isEmpty() && r.crash() != null
                && !VICTIM_TRACE.matcher(r.crash().title()).find()) {
            ChangedPaths changed = new ChangedPaths(r.culprit().files());
            if (!trace.isEmpty() && !changed.touchesAnyOf(trace.files())) {
                String near = changed.sharesDirectoryWith(trace.files()) ? " (only neighbouring files in the same directory)" : "";
                raised.put(Signals.NOT_IN_TRACE, "None of the files the commit changes (" + list(changed.shown())
                        + ") appears in the crash's call trace" + near + ".");
            } else if (!trace.isEmpty() && changed.onlyTopLevel()) {
                List<String> names = TitleSubsystem.names(culpritTitle(r));
                if (!names.isEmpty() && !TitleSubsystem.appearsIn(names, trace)) {
                    raised.put(Signals.NOT_IN_TRACE, "Git listed only the top-level directories the commit changes ("
                            + list(changed.shown()) + "), and what its title names (" + String.join(", ", names)
                            + ") appears nowhere in the crash's call trace.");
                }
            }
        }
        bugDetector(r, raised);
    }

    /** Whether the commit changes one of the kernel's bug detectors, which reveal older bugs more often than they bring new ones. */
    private static void bugDetector(BisectionReport r, Map<String, String> raised) {
        String title = culpritTitle(r);
        List<String> paths = r.culprit() == null ? List.of() : new ChangedPaths(r.culprit().files()).paths();
        Set<String> detectors = BugDetectors.changed(title, paths);
        if (!detectors.isEmpty()) {
            raised.put(Signals.BUG_DETECTOR, "The commit changes a bug detector (" + String.join(", ", detectors)
                    + "), which more often reveals a bug that was already there than brings one: the crash may be an "
                    + "older bug it now reports, or a false report of the detector.");
        }
    }

    private static String culpritTitle(BisectionReport r) {
        return r.culprit() != null && !r.culprit().title().isEmpty() ? r.culprit().title() : r.culpritTitle();
    }

    /** Whether releases older than the starting commit already crashed, so the bisection reached back through them. */
    private static void releaseEvidence(BisectionReport r, Map<String, String> raised) {
        List<String> crashed = new ArrayList<>();
        for (TestedRevision t : r.revisions()) {
            if (t.phase() == Phase.RELEASE && t.count(RunVerdict.Kind.CRASHED) > 0) {
                crashed.add(t.release() != null ? t.release() : abbrev(t.hash()));
            }
        }
        if (!crashed.isEmpty()) {
            String on = crashed.size() == 1 ? "release " + crashed.get(0)
                    : crashed.size() + " releases, back to " + crashed.get(crashed.size() - 1);
            raised.put(Signals.RELEASE_CRASHED, "The crash already happened on " + on + ", so the bisection had to "
                    + "reach back through older kernels, where other bugs more often lead it astray.");
        }
    }

    /**
     * Where a crash title says the crash happened: what follows its last {@code " in "}, or the
     * location of a {@code kernel BUG at}; the whole title otherwise.
     */
    static String place(String title) {
        String t = title.strip();
        int in = t.lastIndexOf(" in ");
        if (in >= 0) {
            return t.substring(in + 4).strip();
        }
        return t.startsWith("kernel BUG at ") ? t.substring("kernel BUG at ".length()).strip() : t;
    }

    /** Signals about how the good and bad sides of the range were judged. */
    private void rangeEvidence(BisectionReport r, Map<String, String> raised) {
        Set<String> skipped = new HashSet<>();
        long skips = 0;
        for (BisectStep s : r.bisectSteps()) {
            if (s.command().equals("skip")) {
                skips++;
                skipped.addAll(s.revisions());
            }
        }
        Set<String> goodCompilers = new LinkedHashSet<>();
        Set<String> badCompilers = new LinkedHashSet<>();
        TestedRevision noisiest = null;
        long noisiestBroken = 0;
        for (TestedRevision t : r.revisions()) {
            boolean crashed = t.count(RunVerdict.Kind.CRASHED) > 0;
            boolean ranRange = t.phase() == Phase.RELEASE || t.phase() == Phase.BISECT;
            if (crashed && (ranRange || t.phase() == Phase.ORIGINAL)) {
                add(badCompilers, t.compiler());
            } else if (ranRange && !crashed && t.count(RunVerdict.Kind.OK) > 0 && !skipped.contains(t.hash())) {
                add(goodCompilers, t.compiler());
                long broken = t.verdicts().size() - t.count(RunVerdict.Kind.OK);
                if ((double) broken / t.verdicts().size() >= policy.noisyRunFraction() && broken > noisiestBroken) {
                    noisiest = t;
                    noisiestBroken = broken;
                }
            }
        }
        if (noisiest != null) {
            raised.put(Signals.NOISY_GOOD, "Commit " + abbrev(noisiest.hash()) + " was judged free of the crash although "
                    + noisiestBroken + " of its " + noisiest.verdicts().size()
                    + " test runs failed to boot or to run the reproducer, so the crash may have been missed there.");
        }
        if (!goodCompilers.isEmpty() && !badCompilers.isEmpty()
                && badCompilers.stream().noneMatch(goodCompilers::contains)) {
            raised.put(Signals.COMPILER_CHANGED, "Every commit judged free of the crash was built with " + String.join(" or ", goodCompilers)
                    + " and every crashing one with " + String.join(" or ", badCompilers)
                    + ", so the change of compiler may explain the crash.");
        }
        if (skips > 0) {
            raised.put(Signals.SKIPPED_COMMITS, count(skips, "commit") + (skips == 1 ? " was" : " were")
                    + " skipped because " + (skips == 1 ? "it" : "they") + " could not be tested.");
        }
        Double p = r.accumulatedErrorProbability();
        if (p != null && p > policy.maxErrorProbability()) {
            raised.put(Signals.ERROR_PROBABILITY, String.format(Locale.ROOT,
                    "The bisection itself estimates a %.0f%% chance that one of its verdicts was wrong.", p * 100));
        }
    }

    private void reproducer(BisectionReport r, Map<String, String> raised) {
        if (r.reproChance() != null && r.reproChance() < policy.minReproChance()) {
            raised.put(Signals.LOW_REPRO_CHANCE, String.format(Locale.ROOT,
                    "The reproducer crashes the kernel only about %.0f%% of the time, so a commit may have been "
                            + "judged good only because the crash did not show up.", r.reproChance() * 100));
        } else if (r.reproducerFlaky()) {
            raised.put(Signals.FLAKY, "The reproducer is flaky, so a commit may have been judged good only "
                    + "because the crash did not show up.");
        }
    }

    private static boolean isCause(BisectionReport r) {
        return r.type() == BisectionType.CAUSE || (r.type() == null && r.outcome() == Outcome.CULPRIT);
    }

    private static String hash(BisectionReport r) {
        return r.culpritHash() != null ? r.culpritHash() : r.culprit() == null ? null : r.culprit().hash();
    }

    /** The crash titles of the first test, on the commit the bisection started from. */
    static Set<String> originalTitles(BisectionReport r) {
        Set<String> titles = new LinkedHashSet<>();
        for (TestedRevision t : r.revisions()) {
            if (t.phase() == Phase.ORIGINAL) {
                titles.addAll(crashTitles(t));
                break;
            }
        }
        if (titles.isEmpty() && r.originalCrashTitle() != null) {
            titles.add(r.originalCrashTitle());
        }
        return titles;
    }

    /** The last test of the culprit itself that decided its verdict, or null. */
    static TestedRevision culpritRevision(BisectionReport r) {
        String h = hash(r);
        TestedRevision found = null;
        if (h == null) {
            return null;
        }
        for (TestedRevision t : r.revisions()) {
            if (t.hash().equals(h) && t.phase() != Phase.PARENT && t.phase() != Phase.MINIMIZATION
                    && !t.verdicts().isEmpty()) {
                found = t;
            }
        }
        return found;
    }

    private static Set<String> crashTitles(TestedRevision t) {
        Set<String> titles = new LinkedHashSet<>();
        for (RunVerdict v : t.verdicts()) {
            if (v.kind() == RunVerdict.Kind.CRASHED && !v.detail().isBlank()) {
                titles.add(v.detail().strip());
            }
        }
        return titles;
    }

    private static void add(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value.strip());
        }
    }

    private static String list(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }

    private static String orList(Set<String> items) {
        return String.join(" or ", items);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String abbrev(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}

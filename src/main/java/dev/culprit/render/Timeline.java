package dev.culprit.render;

import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Outcome;
import dev.culprit.model.Phase;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.RunVerdict.Kind;
import dev.culprit.model.TestedRevision;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bisection timeline of the data model: one entry per tested revision, in the order the
 * log tested them, each with the verdict the bisection gave it, its test runs, the crash it
 * showed and the marks a reader should not miss (the culprit, another crash, many runs that
 * failed to boot or test, a new compiler, a culprit that builds the same kernel as its parent).
 * The layout of the lines is the template's business.
 */
final class Timeline {
    /** A quarter or more of a revision's runs failing to boot or to test is worth a mark. */
    static final double FAILED_RUNS_MARK = 0.25;

    private static final Map<Kind, String> WORDS = words();

    private final BisectionReport report;
    private final String culprit;
    private final Set<String> candidates;
    private final String original;
    private final boolean sameKernel;

    private Timeline(BisectionReport r) {
        report = r;
        culprit = r.culprit() != null ? r.culprit().hash() : r.culpritHash();
        candidates = r.inconclusiveCommits() == null ? Set.of() : Set.copyOf(r.inconclusiveCommits());
        original = r.originalCrashTitle() == null ? null : firstLine(r.originalCrashTitle());
        sameKernel = r.culpritSignature() != null && r.culpritSignature().equals(r.parentSignature());
    }

    /** The entries of {@code r}'s timeline, one per tested revision, in log order. */
    static List<Map<String, Object>> entries(BisectionReport r) {
        return new Timeline(r).build();
    }

    private List<Map<String, Object>> build() {
        List<Map<String, Object>> out = new ArrayList<>(report.revisions().size());
        String compiler = null;
        int step = 0;
        for (TestedRevision t : report.revisions()) {
            if (t.phase() == Phase.BISECT) {
                step++;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("label", label(t, step));
            e.put("phase", t.phase().id());
            e.put("hash", t.hash());
            e.put("shortHash", t.hash().substring(0, Math.min(12, t.hash().length())));
            e.put("verdict", verdict(t));
            e.put("runs", runs(t));
            String crash = crashTitle(t);
            if (crash != null) {
                e.put("crashTitle", crash);
            }
            if (t.compiler() != null) {
                e.put("compiler", t.compiler());
            }
            List<String> marks = marks(t, crash, compiler);
            e.put("culprit", t.hash().equals(culprit));
            e.put("marks", marks);
            out.add(e);
            if (t.compiler() != null) {
                compiler = t.compiler();
            }
        }
        return out;
    }

    private static String label(TestedRevision t, int step) {
        return switch (t.phase()) {
            case ORIGINAL -> "original";
            case MINIMIZATION -> "minimize";
            case RELEASE -> t.release() == null || t.release().isBlank() ? "release" : t.release();
            case HEAD -> "HEAD";
            case MERGE_BASE -> "merge base";
            case BISECT -> "step " + step;
            case PARENT -> "parent";
        };
    }

    /**
     * {@code good} (the bug is absent), {@code bad} (the bug is present), {@code skipped} (no
     * verdict could be reached), or {@code untested} (a cut log ends before the runs). A bisection
     * step takes what the bisection told git, in the bug's terms: a fix bisection's git
     * {@code good} (the old, crashing side) is {@code bad} here.
     */
    private String verdict(TestedRevision t) {
        if (t.phase() == Phase.BISECT) {
            BisectStep told = commandAfter(t);
            if (told != null) {
                boolean fix = report.type() == BisectionType.FIX;
                return switch (told.command()) {
                    case "skip" -> "skipped";
                    case "good" -> fix ? "bad" : "good";
                    default -> fix ? "good" : "bad";
                };
            }
        }
        if (t.count(Kind.CRASHED) > 0) {
            return "bad";
        }
        if (t.count(Kind.OK) > 0) {
            return "good";
        }
        return t.verdicts().isEmpty() && !t.buildFailed() ? "untested" : "skipped";
    }

    /** The first good, bad or skip command after the revision's block that names it. */
    private BisectStep commandAfter(TestedRevision t) {
        for (BisectStep s : report.bisectSteps()) {
            if (s.line() > t.line() && !s.command().equals("start") && s.revisions().contains(t.hash())) {
                return s;
            }
        }
        return null;
    }

    /**
     * {@code crashed 7/10}, {@code OK 10/10}, {@code crashed 2/10, boot failed 3/10},
     * {@code OK (all runs)}, {@code build failed}, {@code (built only)} (the culprit's parent,
     * built to compare kernels) or {@code (no result)} (a cut log).
     */
    static String runs(TestedRevision t) {
        List<RunVerdict> perRun = t.verdicts().stream().filter(v -> !v.allRuns()).toList();
        if (perRun.isEmpty()) {
            if (t.verdicts().isEmpty()) {
                return t.buildFailed() ? "build failed" : t.signature() != null ? "(built only)" : "(no result)";
            }
            return String.join(", ", t.verdicts().stream().map(v -> WORDS.get(v.kind())).distinct().toList())
                    + " (all runs)";
        }
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (RunVerdict v : perRun) {
            counts.merge(v.kind(), 1, Integer::sum);
        }
        int n = perRun.size();
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> {
            if (kind != Kind.OK) {
                parts.add(WORDS.get(kind) + " " + count + "/" + n);
            }
        });
        return parts.isEmpty() ? "OK " + n + "/" + n : String.join(", ", parts);
    }

    /** The crash most of the crashed runs showed (the first of those seen equally often), one line. */
    static String crashTitle(TestedRevision t) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (RunVerdict v : t.verdicts()) {
            if (v.kind() == Kind.CRASHED && !v.detail().isBlank()) {
                seen.merge(firstLine(v.detail()), 1, Integer::sum);
            }
        }
        String best = null;
        int most = 0;
        for (var e : seen.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private List<String> marks(TestedRevision t, String crash, String previousCompiler) {
        List<String> marks = new ArrayList<>();
        if (t.hash().equals(culprit)) {
            marks.add(report.outcome() == Outcome.FIX || report.type() == BisectionType.FIX ? "fix" : "culprit");
            if (sameKernel) {
                marks.add("same kernel");
            }
        } else if (candidates.contains(t.hash())) {
            marks.add("candidate");
        }
        if (t.phase() == Phase.PARENT && sameKernel) {
            marks.add("same kernel");
        }
        if (original != null && t.phase() != Phase.ORIGINAL && otherCrash(t)) {
            marks.add("other crash");
        }
        String failures = failures(t);
        if (failures != null) {
            marks.add(failures);
        }
        if (previousCompiler != null && t.compiler() != null && !previousCompiler.equals(t.compiler())) {
            marks.add("new compiler");
        }
        return marks;
    }

    private boolean otherCrash(TestedRevision t) {
        return t.verdicts().stream()
                .anyMatch(v -> v.kind() == Kind.CRASHED && !v.detail().isBlank() && !firstLine(v.detail()).equals(original));
    }

    /** A mark when a quarter or more of the runs failed to boot or to run the test, else null. */
    private static String failures(TestedRevision t) {
        if (t.verdicts().isEmpty()) {
            return null;
        }
        long boot = t.count(Kind.BOOT_FAILED);
        long test = t.count(Kind.TEST_FAILED);
        if ((double) (boot + test) / t.verdicts().size() < FAILED_RUNS_MARK) {
            return null;
        }
        return boot > 0 && test > 0 ? "boot/test failures" : boot > 0 ? "boot failures" : "test failures";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static Map<Kind, String> words() {
        Map<Kind, String> m = new EnumMap<>(Kind.class);
        m.put(Kind.OK, "OK");
        m.put(Kind.CRASHED, "crashed");
        m.put(Kind.BOOT_FAILED, "boot failed");
        m.put(Kind.TEST_FAILED, "test failed");
        m.put(Kind.INFRA, "infra problem");
        m.put(Kind.IGNORE, "ignored");
        m.put(Kind.BUILD_FAILED, "build failed");
        m.put(Kind.OTHER, "failed");
        return m;
    }
}

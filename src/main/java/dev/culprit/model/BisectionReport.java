package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything the parser read out of one bisection log. Fields the log does not carry are null
 * (scalars) or empty (lists).
 *
 * @param type cause or fix; null only when a cut log gives no hint at all
 * @param outcome how the bisection ended
 * @param host the syz-ci host from the {@code starts bisection} line
 * @param startTime the raw time of the {@code starts bisection} line
 * @param startCommit the commit the bisection started from
 * @param syzkallerCommit from {@code building syzkaller on}
 * @param culprit the culprit (or fixing) commit block, when git printed it
 * @param culpritHash from {@code first bad|good commit:}
 * @param culpritTitle from {@code first bad|good commit:}
 * @param inconclusiveCommits the candidate hashes, in log order, for an inconclusive result
 * @param to {@code recipients (to)}; null before mid-2020 logs, which have only {@code cc:}
 * @param cc {@code recipients (cc)} or the legacy {@code cc:} list
 * @param crash the final {@code crash:} title and report
 * @param originalCrashTitle the crash seen on the original commit (first crashed verdict)
 * @param notFoundCommitTitle the {@code commit msg:} line of a not-found result
 * @param revisionsTested from the summary line
 * @param totalTime the summary's total time, as printed
 * @param buildTime the summary's build time, as printed
 * @param testTime the summary's test time, as printed
 * @param errorMessage everything after {@code error: }, newlines kept
 * @param revisions every tested revision in log order
 * @param releasesTested the release tags tested, newest first as in the log
 * @param bisectSteps the git bisect commands with the revision counts git gave
 * @param culpritSignature from {@code culprit signature:} (or the 2019 {@code kernel signature:} pair)
 * @param parentSignature from {@code parent  signature:} (or {@code previous signature:})
 * @param reproducerFlaky whether the log flagged the reproducer as flaky
 * @param reproChance the {@code repro chance estimate}, or null
 * @param accumulatedErrorProbability or null
 * @param minimization config minimization, or null when none ran
 * @param infoLines informational records that do not change the result
 *     ({@code failed to detect release: ...}, {@code failed to detect noop change: ...})
 */
public record BisectionReport(
        BisectionType type,
        Outcome outcome,
        String host,
        String startTime,
        String startCommit,
        String syzkallerCommit,
        Commit culprit,
        String culpritHash,
        String culpritTitle,
        List<String> inconclusiveCommits,
        List<String> to,
        List<String> cc,
        Crash crash,
        String originalCrashTitle,
        String notFoundCommitTitle,
        Integer revisionsTested,
        String totalTime,
        String buildTime,
        String testTime,
        String errorMessage,
        List<TestedRevision> revisions,
        List<String> releasesTested,
        List<BisectStep> bisectSteps,
        String culpritSignature,
        String parentSignature,
        boolean reproducerFlaky,
        Double reproChance,
        Double accumulatedErrorProbability,
        Minimization minimization,
        List<String> infoLines) {
    public BisectionReport {
        Objects.requireNonNull(outcome, "outcome");
        inconclusiveCommits = inconclusiveCommits == null ? null : List.copyOf(inconclusiveCommits);
        to = to == null ? null : List.copyOf(to);
        cc = cc == null ? null : List.copyOf(cc);
        revisions = List.copyOf(revisions);
        releasesTested = List.copyOf(releasesTested);
        bisectSteps = List.copyOf(bisectSteps);
        infoLines = List.copyOf(infoLines);
    }

    /** The crash title of the final result, or null. */
    public String crashTitle() {
        return crash == null ? null : crash.title();
    }

    /** A builder with every field absent (null, empty or false) and the outcome still to set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the fields of a report by name; {@link #build()} checks them in one place, the
     * record's constructor.
     */
    public static final class Builder {
        private BisectionType type;
        private Outcome outcome;
        private String host;
        private String startTime;
        private String startCommit;
        private String syzkallerCommit;
        private Commit culprit;
        private String culpritHash;
        private String culpritTitle;
        private List<String> inconclusiveCommits;
        private List<String> to;
        private List<String> cc;
        private Crash crash;
        private String originalCrashTitle;
        private String notFoundCommitTitle;
        private Integer revisionsTested;
        private String totalTime;
        private String buildTime;
        private String testTime;
        private String errorMessage;
        private List<TestedRevision> revisions = List.of();
        private List<String> releasesTested = List.of();
        private List<BisectStep> bisectSteps = List.of();
        private String culpritSignature;
        private String parentSignature;
        private boolean reproducerFlaky;
        private Double reproChance;
        private Double accumulatedErrorProbability;
        private Minimization minimization;
        private List<String> infoLines = List.of();

        private Builder() {}

        public Builder type(BisectionType v) { type = v; return this; }
        public Builder outcome(Outcome v) { outcome = v; return this; }
        public Builder host(String v) { host = v; return this; }
        public Builder startTime(String v) { startTime = v; return this; }
        public Builder startCommit(String v) { startCommit = v; return this; }
        public Builder syzkallerCommit(String v) { syzkallerCommit = v; return this; }
        public Builder culprit(Commit v) { culprit = v; return this; }
        public Builder culpritHash(String v) { culpritHash = v; return this; }
        public Builder culpritTitle(String v) { culpritTitle = v; return this; }
        public Builder inconclusiveCommits(List<String> v) { inconclusiveCommits = v; return this; }
        public Builder to(List<String> v) { to = v; return this; }
        public Builder cc(List<String> v) { cc = v; return this; }
        public Builder crash(Crash v) { crash = v; return this; }
        public Builder originalCrashTitle(String v) { originalCrashTitle = v; return this; }
        public Builder notFoundCommitTitle(String v) { notFoundCommitTitle = v; return this; }
        public Builder revisionsTested(Integer v) { revisionsTested = v; return this; }
        public Builder totalTime(String v) { totalTime = v; return this; }
        public Builder buildTime(String v) { buildTime = v; return this; }
        public Builder testTime(String v) { testTime = v; return this; }
        public Builder errorMessage(String v) { errorMessage = v; return this; }
        public Builder revisions(List<TestedRevision> v) { revisions = v; return this; }
        public Builder releasesTested(List<String> v) { releasesTested = v; return this; }
        public Builder bisectSteps(List<BisectStep> v) { bisectSteps = v; return this; }
        public Builder culpritSignature(String v) { culpritSignature = v; return this; }
        public Builder parentSignature(String v) { parentSignature = v; return this; }
        public Builder reproducerFlaky(boolean v) { reproducerFlaky = v; return this; }
        public Builder reproChance(Double v) { reproChance = v; return this; }
        public Builder accumulatedErrorProbability(Double v) { accumulatedErrorProbability = v; return this; }
        public Builder minimization(Minimization v) { minimization = v; return this; }
        public Builder infoLines(List<String> v) { infoLines = v; return this; }

        public BisectionReport build() {
            return new BisectionReport(type, outcome, host, startTime, startCommit, syzkallerCommit, culprit,
                    culpritHash, culpritTitle, inconclusiveCommits, to, cc, crash, originalCrashTitle,
                    notFoundCommitTitle, revisionsTested, totalTime, buildTime, testTime, errorMessage, revisions,
                    releasesTested, bisectSteps, culpritSignature, parentSignature, reproducerFlaky, reproChance,
                    accumulatedErrorProbability, minimization, infoLines);
        }
    }
}

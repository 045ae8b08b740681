package dev.culprit.cli;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Commit;
import dev.culprit.model.ParseResult;
import dev.culprit.model.Problem;
import java.io.PrintWriter;
import java.util.List;

/** The human-readable summary of a parse result that {@code culprit parse} prints by default. */
final class ReportSummary {
    private static final int MAX_PROBLEMS_SHOWN = 10;

    private ReportSummary() {}

    static void print(PrintWriter out, String file, ParseResult result) {
        BisectionReport r = result.report();
        String type = r.type() == null ? "bisection of unknown type" : r.type().id() + " bisection";
        out.println(file + ": " + r.outcome().id() + " (" + type + ")");
        if (r.startCommit() != null) {
            field(out, "start", r.startCommit());
        }
        if (r.culpritHash() != null) {
            field(out, r.type() == dev.culprit.model.BisectionType.FIX ? "fix" : "culprit",
                    r.culpritHash() + " " + r.culpritTitle());
        }
        Commit c = r.culprit();
        if (c != null) {
            field(out, "author", c.author() + (c.date() == null ? "" : ", " + c.date()));
            if (c.isMerge()) {
                field(out, "merge of", String.join(" ", c.mergeParents()));
            }
            if (!c.files().isEmpty()) {
                field(out, "files", c.files().size() + " changed");
            }
        }
        if (r.inconclusiveCommits() != null) {
            field(out, "candidates", r.inconclusiveCommits().size() + ": " + String.join(" ", r.inconclusiveCommits()));
        }
        if (r.notFoundCommitTitle() != null) {
            field(out, "commit msg", r.notFoundCommitTitle());
        }
        if (r.crash() != null) {
            field(out, "crash", r.crash().title()
                    + (r.crash().truncated() ? " (report cut from " + r.crash().originalLength() + " characters)" : ""));
        }
        if (r.originalCrashTitle() != null && !r.originalCrashTitle().equals(r.crashTitle())) {
            field(out, "original", r.originalCrashTitle());
        }
        if (r.errorMessage() != null) {
            String first = r.errorMessage().lines().findFirst().orElse("");
            long more = r.errorMessage().lines().count() - 1;
            field(out, "error", first + (more > 0 ? " (+" + more + " lines)" : ""));
        }
        if (r.revisionsTested() != null) {
            field(out, "tested", r.revisionsTested() + " revisions in " + r.totalTime()
                    + (r.buildTime() == null ? "" : " (build " + r.buildTime() + ", test " + r.testTime() + ")"));
        }
        if (r.reproducerFlaky()) {
            field(out, "flaky", r.reproChance() == null ? "yes" : "yes, repro chance " + r.reproChance());
        }
        if (r.culpritSignature() != null && r.culpritSignature().equals(r.parentSignature())) {
            field(out, "signature", "culprit and parent build the same kernel");
        }
        list(out, "to", r.to());
        list(out, "cc", r.cc());
        List<Problem> problems = result.problems();
        for (int i = 0; i < problems.size() && i < MAX_PROBLEMS_SHOWN; i++) {
            field(out, "problem", problems.get(i).describe(file));
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            field(out, "problem", (problems.size() - MAX_PROBLEMS_SHOWN) + " more (see --json)");
        }
    }

    private static void list(PrintWriter out, String name, List<String> values) {
        if (values != null) {
            field(out, name, values.isEmpty() ? "(none)" : String.join(", ", values));
        }
    }

    private static void field(PrintWriter out, String name, String value) {
        out.println("  " + String.format("%-11s", name + ":") + value);
    }
}

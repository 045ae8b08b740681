package dev.culprit.model;

import java.util.ArrayList;
import java.util.List;

/** Builds {@link BisectionReport}s for tests; starts from a plain single-commit cause result. */
public final class ReportBuilder {
    public static final String CULPRIT = "7a819b1f87a1047e9632f6cc41488334f2189820";
    public static final String START = "e47477b02256b9c5cd3e34b39e954f49e60c28cb";

    private BisectionType type = BisectionType.CAUSE;
    private Outcome outcome = Outcome.CULPRIT;
    private String startCommit = START;
    private Commit culprit;
    private String culpritHash = CULPRIT;
    private String culpritTitle = "hfsplus: switch to the new mount API";
    private List<String> inconclusive;
    private List<String> to = List.of("brauner@kernel.org", "linux-fsdevel@vger.kernel.org", "sandeen@redhat.com", "viro@zeniv.linux.org.uk");
    private List<String> cc = List.of("jack@suse.cz", "linux-kernel@vger.kernel.org");
    private Crash crash = new Crash("possible deadlock in hfsplus_file_extend",
            "======================================================\nWARNING: possible circular locking dependency detected", false, 100);
    private String originalCrashTitle = "possible deadlock in hfsplus_file_extend";
    private String notFoundTitle;
    private Integer revisions = 22;
    private String totalTime = "6h21m44.90117754s";
    private String errorMessage;
    private boolean flaky;
    private final List<BisectStep> steps = new ArrayList<>();

    public static ReportBuilder culprit() {
        ReportBuilder b = new ReportBuilder();
        b.culprit = commit(CULPRIT, "hfsplus: switch to the new mount API", "Eric Sandeen", "sandeen@redhat.com",
                List.of(new Trailer("Signed-off-by", "Eric Sandeen <sandeen@redhat.com>"),
                        new Trailer("Signed-off-by", "Christian Brauner <brauner@kernel.org>")));
        return b;
    }

    public static Commit commit(String hash, String title, String name, String email, List<Trailer> trailers) {
        return new Commit(hash, title, name, email, "Mon Feb 26 15:45:03 2024 -0600", List.of(), trailers, List.of(), List.of());
    }

    public ReportBuilder type(BisectionType t) { type = t; return this; }
    public ReportBuilder outcome(Outcome o) { outcome = o; return this; }
    public ReportBuilder startCommit(String h) { startCommit = h; return this; }
    public ReportBuilder culprit(Commit c) { culprit = c; if (c != null) { culpritHash = c.hash(); culpritTitle = c.title(); } return this; }
    public ReportBuilder culpritHash(String h) { culpritHash = h; return this; }
    public ReportBuilder culpritTitle(String t) { culpritTitle = t; return this; }
    public ReportBuilder noCulprit() { culprit = null; culpritHash = null; culpritTitle = null; return this; }
    public ReportBuilder inconclusive(List<String> hashes) { inconclusive = hashes; return this; }
    public ReportBuilder to(List<String> l) { to = l; return this; }
    public ReportBuilder cc(List<String> l) { cc = l; return this; }
    public ReportBuilder crash(String title, String report) { crash = title == null ? null : new Crash(title, report, false, report.length()); return this; }
    public ReportBuilder crash(Crash c) { crash = c; return this; }
    public ReportBuilder originalCrashTitle(String t) { originalCrashTitle = t; return this; }
    public ReportBuilder notFoundTitle(String t) { notFoundTitle = t; return this; }
    public ReportBuilder revisions(Integer n) { revisions = n; return this; }
    public ReportBuilder totalTime(String t) { totalTime = t; return this; }
    public ReportBuilder error(String e) { errorMessage = e; return this; }
    public ReportBuilder flaky() { flaky = true; return this; }
    public ReportBuilder skip(String hash) { steps.add(new BisectStep("skip", List.of(hash), null, null, 1)); return this; }

    public BisectionReport build() {
        return new BisectionReport(type, outcome, "ci", null, startCommit, null, culprit, culpritHash, culpritTitle,
                inconclusive, to, cc, crash, originalCrashTitle, notFoundTitle, revisions, totalTime,
                revisions == null ? null : "3h2m9.54432188s", revisions == null ? null : "3h15m30.01192214s",
                errorMessage, List.of(), List.of(), steps, null, null, flaky, null, null, null, List.of());
    }
}

package dev.culprit.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Outcome;
import dev.culprit.model.Phase;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.RunVerdict.Kind;
import dev.culprit.model.TestedRevision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    static final String ORIGINAL = "WARNING in bpf_check";
    static final String A = "a".repeat(40);
    static final String B = "b".repeat(40);
    static final String C = "c".repeat(40);
    static final String P = "d".repeat(40);

    static TestedRevision rev(String hash, Phase phase, String compiler, RunVerdict... runs) {
        return new TestedRevision(hash, phase, phase == Phase.RELEASE ? "v6.8" : null, compiler, null, List.of(runs),
                null, line++);
    }

    static int line = 1;

    static RunVerdict all(Kind kind, String detail) {
        return new RunVerdict(RunVerdict.ALL_RUNS, kind, detail);
    }

    static List<RunVerdict> runs(int crashed, int ok, int boot, String title) {
        List<RunVerdict> v = new ArrayList<>();
        for (int i = 0; i < crashed; i++) {
            v.add(new RunVerdict(v.size(), Kind.CRASHED, title));
        }
        for (int i = 0; i < ok; i++) {
            v.add(new RunVerdict(v.size(), Kind.OK, ""));
        }
        for (int i = 0; i < boot; i++) {
            v.add(new RunVerdict(v.size(), Kind.BOOT_FAILED, "timed out"));
        }
        return v;
    }

    static BisectionReport.Builder report() {
        return BisectionReport.builder().type(BisectionType.CAUSE).outcome(Outcome.CULPRIT).culpritHash(C)
                .originalCrashTitle(ORIGINAL);
    }

    @Test
    void runsAreCountedPerKindOrSaidForAllRuns() {
        assertThat(Timeline.runs(rev(A, Phase.BISECT, "gcc", runs(7, 3, 0, ORIGINAL).toArray(RunVerdict[]::new))))
                .isEqualTo("crashed 7/10");
        assertThat(Timeline.runs(rev(A, Phase.BISECT, "gcc", runs(0, 10, 0, null).toArray(RunVerdict[]::new))))
                .isEqualTo("OK 10/10");
        assertThat(Timeline.runs(rev(A, Phase.BISECT, "gcc", runs(2, 5, 3, ORIGINAL).toArray(RunVerdict[]::new))))
                .isEqualTo("crashed 2/10, boot failed 3/10");
        assertThat(Timeline.runs(rev(A, Phase.BISECT, "gcc", all(Kind.OK, "")))).isEqualTo("OK (all runs)");
        assertThat(Timeline.runs(new TestedRevision(A, Phase.BISECT, null, "gcc", null, List.of(), "error: x", 1)))
                .isEqualTo("build failed");
    }

    @Test
    void eachRevisionGetsOneEntryWithTheMarksThatMatter() {
        BisectionReport r = report()
                .culpritSignature("s1").parentSignature("s1")
                .revisions(List.of(
                        rev(A, Phase.ORIGINAL, "gcc 10", all(Kind.CRASHED, ORIGINAL)),
                        rev(B, Phase.BISECT, "gcc 11", runs(0, 6, 4, null).toArray(RunVerdict[]::new)),
                        rev(C, Phase.BISECT, "gcc 11", runs(3, 7, 0, "KASAN: use-after-free in foo").toArray(RunVerdict[]::new)),
                        rev(P, Phase.PARENT, "gcc 11", all(Kind.OK, ""))))
                .bisectSteps(List.of(new BisectStep("good", List.of(B), 1, 1, 1000),
                        new BisectStep("bad", List.of(C), 0, 0, 1001)))
                .build();
        var entries = Timeline.entries(r);
        assertThat(entries).hasSize(4);
        assertThat(entries).extracting(e -> e.get("label")).containsExactly("original", "step 1", "step 2", "parent");
        assertThat(entries).extracting(e -> e.get("verdict")).containsExactly("bad", "good", "bad", "good");
        assertThat(entries.get(0).get("marks")).isEqualTo(List.of());
        assertThat(entries.get(1).get("marks")).isEqualTo(List.of("boot failures", "new compiler"));
        assertThat(entries.get(2).get("marks")).isEqualTo(List.of("culprit", "same kernel", "other crash"));
        assertThat(entries.get(2).get("crashTitle")).isEqualTo("KASAN: use-after-free in foo");
        assertThat(entries.get(3).get("marks")).isEqualTo(List.of("same kernel"));
    }

    @Test
    void aFixBisectionsGitGoodIsTheBuggySide() {
        BisectionReport r = report().type(BisectionType.FIX).outcome(Outcome.FIX)
                .revisions(List.of(rev(A, Phase.BISECT, "gcc", all(Kind.CRASHED, ORIGINAL)),
                        rev(B, Phase.BISECT, "gcc", all(Kind.OK, "")),
                        rev(C, Phase.BISECT, "gcc", new RunVerdict[0])))
                .bisectSteps(List.of(new BisectStep("good", List.of(A), 1, 1, 1000),
                        new BisectStep("bad", List.of(B), 1, 1, 1001),
                        new BisectStep("skip", List.of(C), 1, 1, 1002)))
                .build();
        assertThat(Timeline.entries(r)).extracting(e -> e.get("verdict")).containsExactly("bad", "good", "skipped");
    }

    @Test
    void aLongCrashTitleIsCutAndTheMarksStay() throws Exception {
        String title = "KASAN: slab-use-after-free Read in __ethtool_get_link_ksettings_with_a_very_long_suffix";
        BisectionReport r = report().crash(new dev.culprit.model.Crash(ORIGINAL, "", false, 0))
                .revisions(List.of(rev(C, Phase.RELEASE, "gcc", runs(9, 1, 0, title).toArray(RunVerdict[]::new))))
                .build();
        String body = RenderFixture.render(r).body();
        String line = body.lines().filter(l -> l.startsWith("> ")).findFirst().orElseThrow();
        assertThat(line).hasSizeLessThanOrEqualTo(78)
                .startsWith("> v6.8     cccccccccccc bad crashed 9/10: KASAN: sla... [")
                .endsWith("... [culprit, other crash]");
    }
}

package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Assessment;
import dev.culprit.model.Signal;
import dev.culprit.model.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelledEvaluationTest {
    private static LabelledEvaluation.Entry entry(String log, String state, boolean right, Verdict v, String... signals) {
        Map<String, String> raised = new java.util.LinkedHashMap<>();
        for (String s : signals) {
            raised.put(s, "because " + s);
        }
        List<Signal> list = raised.keySet().stream().map(s -> new Signal(s, 0.3, "because " + s)).toList();
        return new LabelledEvaluation.Entry(log, state, right, raised, new Assessment(v, 0.7, list), null);
    }

    private final LabelledEvaluation eval = new LabelledEvaluation(List.of(
            entry("a", "done", true, Verdict.MAIL),
            entry("b", "done", false, Verdict.MODERATE, Signals.CRASH_CHANGED, Signals.FEW_CRASHES),
            entry("c", "unreliable", false, Verdict.MODERATE, Signals.MERGE),
            entry("d", "done", false, Verdict.MAIL, Signals.FLAKY),
            entry("e", "done", true, Verdict.MODERATE, Signals.NOT_IN_TRACE)));

    @Test
    void countsThePolicyByItsVerdict() {
        assertThat(eval.policy()).isEqualTo(new Confusion(1, 1, 1, 2));
    }

    @Test
    void countsSyzbotByItsState() {
        assertThat(eval.syzbot()).isEqualTo(new Confusion(2, 2, 0, 1));
    }

    @Test
    void countsSignalsByLabel() {
        assertThat(eval.signalCounts().get(Signals.CRASH_CHANGED)).containsExactly(0, 1);
        assertThat(eval.signalCounts().get(Signals.NOT_IN_TRACE)).containsExactly(1, 0);
        assertThat(eval.signalCounts().keySet()).containsExactlyElementsOf(Signals.ALL);
    }

    @Test
    void ordersDatedEntriesByCulpritDateAndLeavesOutTheRest() {
        Assessment ok = new Assessment(Verdict.MAIL, 1, List.of());
        LabelledEvaluation e = new LabelledEvaluation(List.of(
                new LabelledEvaluation.Entry("new", "done", true, Map.of(), ok, "Mon Feb 26 15:45:03 2024 -0600"),
                new LabelledEvaluation.Entry("none", "done", true, Map.of(), ok, null),
                new LabelledEvaluation.Entry("old", "done", true, Map.of(), ok, "Tue Jan 7 09:01:02 2020 +0100"),
                new LabelledEvaluation.Entry("bad", "done", true, Map.of(), ok, "yesterday")));
        assertThat(e.byCulpritDate()).extracting(LabelledEvaluation.Entry::log).containsExactly("old", "new");
    }

    @Test
    void formatsBothTablesAndTheSignals() {
        String text = eval.format(AssessPolicy.defaults());
        assertThat(text).startsWith("5 labelled single-commit results: 2 right culprits, 3 wrong\n\n"
                + "culprit policy (mail when score >= 0.5)\n");
        assertThat(text).contains("syzbot's gate (mailed when its state is done)\n");
        assertThat(text).contains("  crash-changed          0      1    0.30\n");
    }
}

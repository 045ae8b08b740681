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
        return new LabelledEvaluation.Entry(log, state, right, raised, new Assessment(v, 0.7, list), "commit-" + log);
    }

    private final LabelledEvaluation eval = new LabelledEvaluation(List.of(
            entry("a", "done", true, Verdict.MAIL),
            entry("b", "done", false, Verdict.MODERATE, Signals.CRASH_CHANGED, Signals.FEW_CRASHES),
            entry("c", "unreliable", false, Verdict.MODERATE, Signals.MERGE),
            entry("d", "done", false, Verdict.MAIL, Signals.FLAKY),
            entry("e", "done", true, Verdict.MODERATE, Signals.NOT_IN_TRACE)));

    @Test
    void countsThePolicyByItsVerdict() {
        assertThat(eval.policy()).isEqualTo(new Confusion(1, 1, 1, 2, 0));
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
    void casesAreGroupedByCulpritCommitWithEverySignalRaised() {
        assertThat(eval.cases()).first().isEqualTo(new Calibration.Case("commit-a", java.util.Set.of(), true));
        assertThat(eval.cases().get(1).signals()).containsExactlyInAnyOrder(Signals.CRASH_CHANGED, Signals.FEW_CRASHES);
    }

    @Test
    void countsAWrongCulpritMailedWithoutSignalsAsUnstated() {
        LabelledEvaluation e = new LabelledEvaluation(List.of(entry("x", "done", false, Verdict.MAIL),
                entry("y", "done", false, Verdict.MAIL, Signals.FLAKY)));
        assertThat(e.policy()).isEqualTo(new Confusion(0, 2, 0, 0, 1));
    }

    @Test
    void formatsBothTablesAndTheSignals() {
        String text = eval.format(AssessPolicy.defaults());
        assertThat(text).startsWith("5 labelled single-commit results: 2 right culprits, 3 wrong\n\n"
                + "culprit policy (mail when score >= 0.08)\n");
        assertThat(text).contains("syzbot's gate (mailed when its state is done)\n");
        assertThat(text).contains("  crash-changed          0      1    0.85\n");
    }
}

package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessPolicyTest {
    @Test
    void defaultsMailEverySingleDoubtAndHoldEveryStructuralSignal() {
        AssessPolicy p = AssessPolicy.defaults();
        for (String id : Signals.ALL) {
            double score = p.score(java.util.List.of(id));
            if (Signals.STRUCTURAL.contains(id)) {
                assertThat(score).as(id).isLessThan(p.mailThreshold());
            } else {
                assertThat(score).as(id).isGreaterThanOrEqualTo(p.mailThreshold());
            }
        }
    }

    @Test
    void aCrashInAnotherPlaceHoldsWithAnyOtherDoubtOfWeightAtLeastAHalf() {
        AssessPolicy p = AssessPolicy.defaults();
        for (String id : Signals.ALL) {
            if (!id.equals(Signals.CRASH_CHANGED) && p.weight(id) > 0) {
                double score = p.score(java.util.List.of(Signals.CRASH_CHANGED, id));
                if (p.weight(id) >= 0.5) {
                    assertThat(score).as(id).isLessThan(p.mailThreshold());
                } else {
                    assertThat(score).as(id).isGreaterThanOrEqualTo(p.mailThreshold());
                }
            }
        }
    }

    @Test
    void theCommitOutsideTheTraceHoldsWithABugDetectorAndAnyThreeDoubtsOfTheCrashHold() {
        AssessPolicy p = AssessPolicy.defaults();
        assertThat(p.score(java.util.List.of(Signals.NOT_IN_TRACE, Signals.BUG_DETECTOR))).isLessThan(p.mailThreshold());
        assertThat(p.score(java.util.List.of(Signals.NOT_IN_TRACE, Signals.RELEASE_CRASHED)))
                .isGreaterThanOrEqualTo(p.mailThreshold());
        List<String> crash = List.of(Signals.CRASH_CHANGED, Signals.NOT_IN_TRACE, Signals.BUG_DETECTOR,
                Signals.FEW_CRASHES, Signals.RELEASE_CRASHED);
        for (int a = 0; a < crash.size(); a++) {
            for (int b = a + 1; b < crash.size(); b++) {
                for (int c = b + 1; c < crash.size(); c++) {
                    List<String> three = List.of(crash.get(a), crash.get(b), crash.get(c));
                    assertThat(p.score(three)).as(three.toString()).isLessThan(p.mailThreshold());
                }
            }
        }
    }

    @Test
    void scoresAsAMaintainerComputesByHand() {
        assertThat(AssessPolicy.defaults().score(java.util.List.of(Signals.CRASH_CHANGED))).isEqualTo(0.15);
    }

    @Test
    void rejectsFewerThanOneOtherBlame() {
        assertThatThrownBy(() -> new AssessPolicy(null, null, null, null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min-other-blames: must be at least 1: 0");
    }

    @Test
    void givenWeightReplacesOnlyItsDefault() {
        AssessPolicy p = new AssessPolicy(Map.of("flaky", 0.5), null, null, null, null, null, null);
        assertThat(p.weight(Signals.FLAKY)).isEqualTo(0.5);
        assertThat(p.weight(Signals.MERGE)).isEqualTo(1.0);
        assertThat(p.weights()).containsOnlyKeys(Signals.ALL);
    }

    @Test
    void rejectsUnknownSignalNamingTheKey() {
        assertThatThrownBy(() -> new AssessPolicy(Map.of("mrege", 0.5), null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("weights.mrege: unknown signal; known: not-single-commit, merge,");
    }

    @Test
    void rejectsWeightOutsideZeroToOne() {
        assertThatThrownBy(() -> new AssessPolicy(Map.of("merge", 1.5), null, null, null, null, null, null))
                .hasMessage("weights.merge: must be within 0..1: 1.5");
    }

    @Test
    void rejectsThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> new AssessPolicy(null, -0.1, null, null, null, null, null))
                .hasMessage("mail-threshold: must be within 0..1: -0.1");
        assertThatThrownBy(() -> new AssessPolicy(null, null, null, 2.0, null, null, null))
                .hasMessage("min-crash-fraction: must be within 0..1: 2.0");
    }
}

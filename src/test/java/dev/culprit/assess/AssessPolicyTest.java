package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AssessPolicyTest {
    @Test
    void defaultsHoldOnTwoDoubtsButNotOne() {
        AssessPolicy p = AssessPolicy.defaults();
        double doubt = p.weight(Signals.CRASH_CHANGED);
        assertThat(1 - doubt).isGreaterThanOrEqualTo(p.mailThreshold());
        assertThat((1 - doubt) * (1 - doubt)).isLessThan(p.mailThreshold());
        assertThat(1 - p.weight(Signals.MERGE)).isLessThan(p.mailThreshold());
    }

    @Test
    void contextSignalsNeverHoldWithASingleDoubt() {
        AssessPolicy p = AssessPolicy.defaults();
        double score = (1 - p.weight(Signals.CRASH_CHANGED)) * (1 - p.weight(Signals.FLAKY))
                * (1 - p.weight(Signals.SKIPPED_COMMITS));
        assertThat(score).isGreaterThanOrEqualTo(p.mailThreshold());
    }

    @Test
    void givenWeightReplacesOnlyItsDefault() {
        AssessPolicy p = new AssessPolicy(Map.of("flaky", 0.5), null, null, null, null, null);
        assertThat(p.weight(Signals.FLAKY)).isEqualTo(0.5);
        assertThat(p.weight(Signals.MERGE)).isEqualTo(1.0);
        assertThat(p.weights()).containsOnlyKeys(Signals.ALL);
    }

    @Test
    void rejectsUnknownSignalNamingTheKey() {
        assertThatThrownBy(() -> new AssessPolicy(Map.of("mrege", 0.5), null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("weights.mrege: unknown signal; known: not-single-commit, merge,");
    }

    @Test
    void rejectsWeightOutsideZeroToOne() {
        assertThatThrownBy(() -> new AssessPolicy(Map.of("merge", 1.5), null, null, null, null, null))
                .hasMessage("weights.merge: must be within 0..1: 1.5");
    }

    @Test
    void rejectsThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> new AssessPolicy(null, -0.1, null, null, null, null))
                .hasMessage("mail-threshold: must be within 0..1: -0.1");
        assertThatThrownBy(() -> new AssessPolicy(null, null, null, 2.0, null, null))
                .hasMessage("min-crash-fraction: must be within 0..1: 2.0");
    }
}

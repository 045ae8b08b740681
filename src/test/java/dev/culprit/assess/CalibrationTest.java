package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final Calibration CALIBRATION = new Calibration(AssessPolicy.defaults(), Calibration.Settings.DEFAULTS, Set.of());

    /**
     * 100 results in groups of two: crash-changed is raised on most wrong culprits and few right
     * ones, skipped-commits as often on either, start-commit on two, merge on three wrong ones.
     */
    private static List<Calibration.Case> cases() {
        List<Calibration.Case> cases = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean right = i % 2 == 0;
            Set<String> s = new java.util.HashSet<>();
            if (right ? i % 50 == 0 : i % 10 != 1) {
                s.add(Signals.CRASH_CHANGED);
            }
            if (i % 4 < 2) {
                s.add(Signals.SKIPPED_COMMITS);
            }
            if (i == 2 || i == 4) {
                s.add(Signals.START_COMMIT);
            }
            if (i == 3 || i == 5 || i == 7) {
                s.add(Signals.MERGE);
            }
            cases.add(new Calibration.Case("commit-" + i / 2, s, right));
        }
        return cases;
    }

    @Test
    void weighsASignalOfWrongCulpritsHeavilyAndANeutralOneLittle() {
        Calibration.Fit fit = CALIBRATION.fit(cases());
        assertThat(fit.policy().weight(Signals.CRASH_CHANGED)).isGreaterThanOrEqualTo(0.7);
        assertThat(fit.policy().weight(Signals.SKIPPED_COMMITS)).isLessThanOrEqualTo(0.1);
        assertThat(fit.fitted()).containsExactly(Signals.CRASH_CHANGED, Signals.SKIPPED_COMMITS);
    }

    @Test
    void keepsStructuralSignalsAtOneAndRareOnesAsConfigured() {
        Calibration.Fit fit = CALIBRATION.fit(cases());
        assertThat(fit.policy().weight(Signals.MERGE)).isEqualTo(1.0);
        assertThat(fit.kept()).contains(Signals.START_COMMIT, Signals.FLAKY).doesNotContain(Signals.MERGE);
        assertThat(fit.policy().weight(Signals.START_COMMIT)).isEqualTo(AssessPolicy.defaults().weight(Signals.START_COMMIT));
    }

    @Test
    void roundsWeightsToTheStepAndSetsTheThresholdToMailTheTargetShareOfRightCulprits() {
        Calibration.Fit fit = CALIBRATION.fit(cases());
        for (String id : Signals.ALL) {
            double w = fit.policy().weight(id) * 20;
            assertThat(Math.abs(w - Math.round(w))).as(id).isLessThan(1e-9);
        }
        Confusion c = Calibration.judge(fit.policy(), cases());
        assertThat(c.mailedRightRate()).isGreaterThanOrEqualTo(0.9);
        double t = fit.policy().mailThreshold() * 100;
        assertThat(Math.abs(t - Math.round(t))).isLessThan(1e-9);
        Confusion stricter = Calibration.judge(fit.policy().withMailThreshold(fit.policy().mailThreshold() + 0.01), cases());
        assertThat(stricter.mailedRightRate()).as("the highest threshold that still mails the target").isLessThan(0.93);
    }

    @Test
    void leavesOutTheSignalsAskedFor() {
        Calibration without = new Calibration(AssessPolicy.defaults(), Calibration.Settings.DEFAULTS,
                Set.of(Signals.CRASH_CHANGED));
        Calibration.Fit fit = without.fit(cases());
        assertThat(fit.policy().weight(Signals.CRASH_CHANGED)).isZero();
        assertThat(fit.fitted()).doesNotContain(Signals.CRASH_CHANGED);
    }

    @Test
    void crossValidationJudgesEveryCaseOncePerShuffleAndIsReproducible() {
        Confusion c = CALIBRATION.crossValidate(cases(), 5, 2);
        assertThat(c.right() + c.wrong()).isEqualTo(200);
        assertThat(c).isEqualTo(CALIBRATION.crossValidate(cases(), 5, 2));
        assertThat(c.heldWrongRate()).isGreaterThan(0.7);
    }

    @Test
    void judgesAWrongCulpritMailedWithoutAStatedSignalAsUnstated() {
        AssessPolicy p = AssessPolicy.defaults().withWeights(java.util.Map.of(Signals.FLAKY, 0.0, Signals.NOISY_GOOD, 0.0));
        Confusion c = Calibration.judge(p, List.of(new Calibration.Case("a", Set.of(Signals.NOISY_GOOD), false),
                new Calibration.Case("b", Set.of(Signals.SKIPPED_COMMITS), false),
                new Calibration.Case("c", Set.of(Signals.FLAKY), false),
                new Calibration.Case("d", Set.of(), true)));
        assertThat(c).as("noisy-good at 0 is off; flaky at 0 is context, still stated")
                .isEqualTo(new Confusion(1, 3, 0, 0, 1));
    }

    @Test
    void aSignalLeftOutIsNeitherWeighedNorStated() {
        Calibration without = new Calibration(AssessPolicy.defaults(), Calibration.Settings.DEFAULTS,
                Set.of(Signals.BLAMED_BEFORE));
        List<Calibration.Case> cases = List.of(new Calibration.Case("a", Set.of(Signals.BLAMED_BEFORE), false),
                new Calibration.Case("b", Set.of(Signals.BLAMED_BEFORE, Signals.FLAKY), false));
        assertThat(Calibration.judge(AssessPolicy.defaults(), cases).mailedWrongUnstated()).isZero();
        List<Calibration.Case> left = without.leaveOut(cases);
        assertThat(left).extracting(Calibration.Case::signals).containsExactly(Set.of(), Set.of(Signals.FLAKY));
        assertThat(Calibration.judge(AssessPolicy.defaults(), left).mailedWrongUnstated()).isEqualTo(1);
        assertThat(CALIBRATION.leaveOut(cases)).isSameAs(cases);
    }
}

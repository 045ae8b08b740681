package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    private static final CrossValidation CV = new CrossValidation(AssessPolicy.defaults(),
            List.of(Signals.CRASH_CHANGED, Signals.FLAKY), new double[] {0, 0.15, 0.3, 0.6}, 0.9);

    /** Wrong culprits carry crash-changed; right ones carry flaky, which says nothing. */
    private static List<CrossValidation.Case> separable() {
        List<CrossValidation.Case> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cases.add(new CrossValidation.Case(Set.of(Signals.CRASH_CHANGED), false));
            cases.add(new CrossValidation.Case(i % 2 == 0 ? Set.of(Signals.FLAKY) : Set.of(), true));
        }
        return cases;
    }

    @Test
    void fitGivesTheSeparatingSignalEnoughWeightToHold() {
        AssessPolicy p = CV.fit(separable());
        assertThat(p.weight(Signals.CRASH_CHANGED)).isEqualTo(0.6);
        assertThat(p.weight(Signals.FLAKY)).as("nearest to the default among equally good choices").isEqualTo(0.15);
        assertThat(p.weight(Signals.MERGE)).isEqualTo(1.0);
    }

    @Test
    void leaveOneOutJudgesEveryCaseOnce() {
        Confusion c = CV.leaveOneOut(separable());
        assertThat(c).isEqualTo(new Confusion(10, 0, 0, 10));
    }

    @Test
    void kFoldJudgesEveryCaseOnce() {
        Confusion c = CV.kFold(separable(), 5, 1);
        assertThat(c.right() + c.wrong()).isEqualTo(20);
        assertThat(c).isEqualTo(new Confusion(10, 0, 0, 10));
    }

    @Test
    void leaveOneOutExposesARuleThatOnlyFitsTheSample() {
        // One wrong culprit per signal: whatever holds it in training is absent from the held-out case.
        List<CrossValidation.Case> cases = new ArrayList<>();
        cases.add(new CrossValidation.Case(Set.of(Signals.CRASH_CHANGED), false));
        cases.add(new CrossValidation.Case(Set.of(Signals.FLAKY), false));
        for (int i = 0; i < 8; i++) {
            cases.add(new CrossValidation.Case(Set.of(), true));
        }
        assertThat(CV.fit(cases).weight(Signals.CRASH_CHANGED)).isEqualTo(0.6);
        assertThat(CV.leaveOneOut(cases).heldWrong()).isZero();
    }

    @Test
    void trainTestJudgesOnlyTheTestPart() {
        List<CrossValidation.Case> train = separable();
        List<CrossValidation.Case> test = List.of(new CrossValidation.Case(Set.of(Signals.CRASH_CHANGED), false),
                new CrossValidation.Case(Set.of(Signals.CRASH_CHANGED), true), new CrossValidation.Case(Set.of(), true));
        assertThat(CV.trainTest(train, test)).isEqualTo(new Confusion(1, 0, 1, 1));
    }
}

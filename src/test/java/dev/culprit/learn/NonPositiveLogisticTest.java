package dev.culprit.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonPositiveLogisticTest {
    /** Rows of two features: {@code n} cases with the given features and label. */
    private static void add(List<boolean[]> x, List<Boolean> y, int n, boolean a, boolean b, boolean label) {
        for (int i = 0; i < n; i++) {
            x.add(new boolean[] {a, b});
            y.add(label);
        }
    }

    private static NonPositiveLogistic.Model fit(List<boolean[]> x, List<Boolean> y, double lambda) {
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        return NonPositiveLogistic.fit(x.toArray(boolean[][]::new), labels, lambda);
    }

    @Test
    void findsTheMaximumLikelihoodWithoutPenalty() {
        List<boolean[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        add(x, y, 8, false, false, true);
        add(x, y, 2, false, false, false);
        add(x, y, 2, true, false, true);
        add(x, y, 8, true, false, false);
        NonPositiveLogistic.Model m = fit(x, y, 0);
        assertThat(m.intercept()).isCloseTo(Math.log(4), within(1e-6));
        assertThat(m.coefficient(0)).isCloseTo(-2 * Math.log(4), within(1e-6));
        assertThat(m.coefficient(1)).as("never raised").isZero();
    }

    @Test
    void clipsAFeatureOfPositiveCasesToZero() {
        List<boolean[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        add(x, y, 5, false, false, true);
        add(x, y, 5, false, false, false);
        add(x, y, 9, false, true, true);
        add(x, y, 1, false, true, false);
        NonPositiveLogistic.Model m = fit(x, y, 0);
        assertThat(m.coefficient(1)).isZero();
        assertThat(m.intercept()).as("the intercept takes what the clipped feature cannot")
                .isCloseTo(Math.log(14.0 / 6), within(1e-6));
    }

    @Test
    void aLargerPenaltyShrinksTheCoefficient() {
        List<boolean[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        add(x, y, 8, false, false, true);
        add(x, y, 2, false, false, false);
        add(x, y, 1, true, false, true);
        add(x, y, 9, true, false, false);
        double loose = fit(x, y, 0.1).coefficient(0);
        double tight = fit(x, y, 10).coefficient(0);
        assertThat(loose).isLessThan(tight);
        assertThat(tight).isLessThan(0);
    }

    @Test
    void isExactlyReproducible() {
        List<boolean[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        add(x, y, 3, true, true, false);
        add(x, y, 4, false, true, true);
        add(x, y, 2, true, false, true);
        add(x, y, 5, false, false, true);
        add(x, y, 3, true, false, false);
        assertThat(fit(x, y, 1)).isEqualTo(fit(x, y, 1));
    }

    @Test
    void scoresHeldOutCasesByLogLoss() {
        NonPositiveLogistic.Model m = new NonPositiveLogistic.Model(0, new double[] {-1});
        assertThat(m.logLoss(new boolean[][] {{false}}, new boolean[] {true})).isCloseTo(Math.log(2), within(1e-12));
        assertThat(m.eta(new boolean[] {true})).isEqualTo(-1);
    }

    @Test
    void rejectsRowsAndLabelsOfDifferentCounts() {
        assertThatThrownBy(() -> NonPositiveLogistic.fit(new boolean[][] {{true}}, new boolean[0], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 rows but 0 labels");
        assertThatThrownBy(() -> NonPositiveLogistic.fit(new boolean[0][], new boolean[0], -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

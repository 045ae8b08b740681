package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionTest {
    @Test
    void countsEachCellAndTheRates() {
        Confusion c = Confusion.empty().add(true, true).add(true, true).add(true, false).add(false, false)
                .add(false, false).add(false, true);
        assertThat(c).isEqualTo(new Confusion(2, 1, 1, 2));
        assertThat(c.mailedRightRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(c.heldWrongRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(c.mailPrecision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(c.meets(0.6, 0.6)).isTrue();
        assertThat(c.meets(0.7, 0.6)).isFalse();
    }

    @Test
    void formatsATableWithRatesAndPrecision() {
        assertThat(new Confusion(56, 24, 6, 59).format("culprit default policy")).isEqualTo("""
                culprit default policy
                                   mailed    held
                  right culprit        56       6   mailed 56/62 right culprits (90.3%)
                  wrong culprit        24      59   held 59/83 wrong culprits (71.1%)
                                                    mailed 24/83 wrong culprits with no doubt stated (28.9%)
                  precision: 70.0% of mailed culprits right, 90.8% of held culprits wrong
                """);
    }

    @Test
    void countsWrongCulpritsMailedWithoutADoubtStated() {
        Confusion c = Confusion.empty().add(true, false, true).add(true, false, false).add(true, true, false)
                .add(false, false, false);
        assertThat(c).isEqualTo(new Confusion(1, 2, 0, 1, 1));
        assertThat(c.unstatedWrongRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(c.meets(0.3, 0.9, 0.34)).isTrue();
        assertThat(c.meets(0.3, 0.9, 0.33)).isFalse();
        assertThat(c.plus(c)).isEqualTo(new Confusion(2, 4, 0, 2, 2));
    }

    @Test
    void rejectsMoreUnstatedThanMailedWrongCulprits() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Confusion(0, 1, 0, 0, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysNotApplicableForAnEmptyColumn() {
        assertThat(Confusion.empty().add(true, true).format("x")).contains("n/a of held culprits wrong");
    }
}

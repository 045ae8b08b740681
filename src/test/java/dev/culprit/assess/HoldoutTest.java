package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldoutTest {
    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(String.format("Log_%014x", i * 7919L));
        }
        return names;
    }

    @Test
    void setsAsideAFifthOfTheNamesWhateverTheirOrder() {
        List<String> names = names(454);
        Set<String> holdout = Holdout.of(names);
        assertThat(holdout).hasSize(91);
        List<String> shuffled = new ArrayList<>(names);
        Collections.shuffle(shuffled, new java.util.Random(3));
        assertThat(Holdout.of(shuffled)).isEqualTo(holdout);
    }

    @Test
    void isTheFifthWithTheSmallestSeededHash() {
        List<String> names = names(20);
        List<String> byKey = new ArrayList<>(names);
        byKey.sort(java.util.Comparator.comparing(Holdout::key));
        assertThat(Holdout.of(names)).containsExactlyInAnyOrderElementsOf(byKey.subList(0, 4));
        assertThat(Holdout.key("Log_1")).hasSize(64).isNotEqualTo(Holdout.key("Log_2"));
    }

    @Test
    void splitsItemsByTheirName() {
        List<String> names = names(10);
        assertThat(Holdout.split(names, n -> n, true)).hasSize(2);
        assertThat(Holdout.split(names, n -> n, false)).hasSize(8).doesNotContainAnyElementsOf(Holdout.of(names));
    }
}

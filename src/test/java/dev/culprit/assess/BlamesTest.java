package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlamesTest {
    @Test
    void countsOtherResultsThatBlamedTheSameCommitForADifferentCrash() {
        int[] counts = Blames.others(List.of(
                new Blames.Blame("a", "WARNING in x"),
                new Blames.Blame("a", "WARNING in x"),
                new Blames.Blame("a", "KASAN in y"),
                new Blames.Blame("a", null),
                new Blames.Blame("b", "WARNING in x"),
                new Blames.Blame(null, "KASAN in y")));
        assertThat(counts).containsExactly(2, 2, 3, 3, 0, 0);
    }
}

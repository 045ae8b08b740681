package dev.culprit.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {
    private static final List<String> GROUPS = groups();

    private static List<String> groups() {
        List<String> g = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            g.add("commit-" + (i % 13));
        }
        return g;
    }

    @Test
    void keepsEveryGroupInOneFold() {
        int[] folds = GroupedFolds.assign(GROUPS, 5, 7);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < folds.length; i++) {
            assertThat(seen.computeIfAbsent(GROUPS.get(i), k -> -1)).isIn(-1, folds[i]);
            seen.put(GROUPS.get(i), folds[i]);
        }
        Set<Integer> used = new HashSet<>();
        for (int f : folds) {
            used.add(f);
        }
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        assertThat(GroupedFolds.assign(GROUPS, 5, 7)).isEqualTo(GroupedFolds.assign(GROUPS, 5, 7));
        assertThat(GroupedFolds.assign(GROUPS, 5, 7)).isNotEqualTo(GroupedFolds.assign(GROUPS, 5, 8));
    }

    @Test
    void dependsOnTheGroupsNotOnTheirOrder() {
        List<String> reversed = new ArrayList<>(GROUPS);
        java.util.Collections.reverse(reversed);
        int[] a = GroupedFolds.assign(GROUPS, 5, 7);
        int[] b = GroupedFolds.assign(reversed, 5, 7);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[a.length - 1 - i]).isEqualTo(a[i]);
        }
    }

    @Test
    void needsTwoFolds() {
        assertThatThrownBy(() -> GroupedFolds.assign(GROUPS, 1, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}

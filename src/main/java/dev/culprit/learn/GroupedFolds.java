package dev.culprit.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Cuts cases into folds so that all cases of one group (for the assessment: one culprit commit)
 * fall into the same fold: the distinct groups, sorted, are shuffled with a seeded
 * {@link Random} and dealt round-robin. The same groups and seed give the same folds.
 */
public final class GroupedFolds {
    private GroupedFolds() {}

    /** The fold, {@code 0..k-1}, of each case. */
    public static int[] assign(List<String> groups, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("at least 2 folds: " + k);
        }
        List<String> distinct = new ArrayList<>(new TreeSet<>(groups));
        Collections.shuffle(distinct, new Random(seed));
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            fold.put(distinct.get(i), i % k);
        }
        int[] folds = new int[groups.size()];
        for (int i = 0; i < folds.length; i++) {
            folds[i] = fold.get(groups.get(i));
        }
        return folds;
    }
}

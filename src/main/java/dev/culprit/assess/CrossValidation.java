package dev.culprit.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Checks that choosing weights on labelled results generalises: the weights of the tuned
 * signals are picked from a small grid on part of the results and judged on the rest
 * (leave-one-out or k-fold), never on the results they were picked on.
 *
 * <p>The choice maximises the share of wrong culprits held plus the share of right culprits
 * mailed, among the weightings that mail at least {@code minMailedRight} of the right culprits
 * of the training part (a margin above the goal, so that the choice does not sit on its edge).
 * Ties go to the weighting nearest to the base policy.
 */
public final class CrossValidation {
    /** One labelled result: the signals its log raised, and whether its culprit was right. */
    public record Case(Set<String> signals, boolean right) {
        public Case {
            signals = Set.copyOf(signals);
        }
    }

    /**
     * The default tuned signals: the doubts about the evidence. The structural signals are not
     * tuned (they hold by definition), nor are the context signals {@code flaky} and
     * {@code skipped-commits}: both are common among right culprits of newer logs (skipping is
     * routine there), and a weight chosen on older logs alone would hold right culprits.
     */
    public static final List<String> TUNED = List.of(Signals.CRASH_CHANGED, Signals.FEW_CRASHES,
            Signals.NOT_IN_TRACE, Signals.COMPILER_CHANGED, Signals.NOISY_GOOD);

    /** The default grid of weights. */
    public static final double[] LEVELS = {0, 0.1, 0.15, 0.3, 0.6};

    private final AssessPolicy base;
    private final List<String> tuned;
    private final double[] levels;
    private final double minMailedRight;

    public CrossValidation(AssessPolicy base, List<String> tuned, double[] levels, double minMailedRight) {
        this.base = base;
        this.tuned = List.copyOf(tuned);
        this.levels = levels.clone();
        this.minMailedRight = minMailedRight;
    }

    /** The weighting of the tuned signals chosen on all the given cases. */
    public AssessPolicy fit(List<Case> cases) {
        Grid g = new Grid(cases);
        int[] all = new int[cases.size()];
        Arrays.setAll(all, i -> i);
        return g.policy(g.best(all));
    }

    /** The cases of {@code test} judged by the weighting chosen on {@code train} alone. */
    public Confusion trainTest(List<Case> train, List<Case> test) {
        List<Case> all = new ArrayList<>(train);
        all.addAll(test);
        Grid g = new Grid(all);
        int[] trainIdx = new int[train.size()];
        Arrays.setAll(trainIdx, i -> i);
        int best = g.best(trainIdx);
        Confusion c = Confusion.empty();
        for (int i = train.size(); i < all.size(); i++) {
            c = c.add(!g.held[best][i], all.get(i).right());
        }
        return c;
    }

    /** Each case judged by the weighting chosen on all the others. */
    public Confusion leaveOneOut(List<Case> cases) {
        Grid g = new Grid(cases);
        Confusion c = Confusion.empty();
        for (int i = 0; i < cases.size(); i++) {
            int[] train = new int[cases.size() - 1];
            for (int j = 0, k = 0; j < cases.size(); j++) {
                if (j != i) {
                    train[k++] = j;
                }
            }
            int best = g.best(train);
            c = c.add(!g.held[best][i], cases.get(i).right());
        }
        return c;
    }

    /** The cases shuffled with {@code seed}, cut into {@code k} folds, each judged by the weighting chosen on the others. */
    public Confusion kFold(List<Case> cases, int k, long seed) {
        Grid g = new Grid(cases);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        Confusion c = Confusion.empty();
        for (int f = 0; f < k; f++) {
            List<Integer> test = new ArrayList<>();
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                (i % k == f ? test : train).add(order.get(i));
            }
            int best = g.best(train.stream().mapToInt(Integer::intValue).toArray());
            for (int i : test) {
                c = c.add(!g.held[best][i], cases.get(i).right());
            }
        }
        return c;
    }

    /** Every weighting of the grid with its decision on every case. */
    private final class Grid {
        final List<Case> cases;
        final double[][] weights;
        final boolean[][] held;
        final double[] distance;

        Grid(List<Case> cases) {
            this.cases = cases;
            int n = (int) Math.pow(levels.length, tuned.size());
            weights = new double[n][tuned.size()];
            held = new boolean[n][cases.size()];
            distance = new double[n];
            for (int c = 0; c < n; c++) {
                int rest = c;
                Map<String, Double> w = new LinkedHashMap<>(base.weights());
                for (int s = 0; s < tuned.size(); s++) {
                    weights[c][s] = levels[rest % levels.length];
                    rest /= levels.length;
                    distance[c] += Math.abs(weights[c][s] - base.weight(tuned.get(s)));
                    w.put(tuned.get(s), weights[c][s]);
                }
                for (int i = 0; i < cases.size(); i++) {
                    held[c][i] = !(AssessPolicy.score(w, cases.get(i).signals()) >= base.mailThreshold());
                }
            }
        }

        int best(int[] train) {
            int right = 0;
            for (int i : train) {
                right += cases.get(i).right() ? 1 : 0;
            }
            int wrong = train.length - right;
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            boolean bestFeasible = false;
            for (int c = 0; c < weights.length; c++) {
                int mailedRight = 0;
                int heldWrong = 0;
                for (int i : train) {
                    if (cases.get(i).right()) {
                        mailedRight += held[c][i] ? 0 : 1;
                    } else {
                        heldWrong += held[c][i] ? 1 : 0;
                    }
                }
                double mr = right == 0 ? 1 : (double) mailedRight / right;
                double hw = wrong == 0 ? 1 : (double) heldWrong / wrong;
                boolean feasible = mr >= minMailedRight;
                double value = feasible ? hw + mr : mr;
                if (best < 0 || (feasible && !bestFeasible)
                        || (feasible == bestFeasible && (value > bestValue + 1e-12
                                || (Math.abs(value - bestValue) <= 1e-12 && distance[c] < distance[best] - 1e-12)))) {
                    best = c;
                    bestValue = value;
                    bestFeasible = feasible;
                }
            }
            return best;
        }

        AssessPolicy policy(int c) {
            Map<String, Double> w = new LinkedHashMap<>();
            for (int s = 0; s < tuned.size(); s++) {
                w.put(tuned.get(s), weights[c][s]);
            }
            return base.withWeights(w);
        }
    }
}

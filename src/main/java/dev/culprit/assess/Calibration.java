package dev.culprit.assess;

import dev.culprit.learn.GroupedFolds;
import dev.culprit.learn.NonPositiveLogistic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fits the signal weights and the mail threshold to labelled results, keeping the model a
 * maintainer reads: score = product of {@code (1 - w)} over the signals raised, one threshold.
 *
 * <p>The weights come from an L2-penalised logistic regression of "the culprit is right" on the
 * signal indicators with non-positive coefficients {@code beta}, read as {@code w = 1 - e^beta}
 * and rounded to {@link Settings#step}. The penalty is chosen by cross-validation inside the
 * logs fitted on (least held-out log-loss, the larger penalty on a tie). The threshold is the
 * highest, rounded down to 0.01, that still mails {@link Settings#targetMailedRight} of the right
 * culprits fitted on. Structural signals keep weight 1; a signal raised on fewer than
 * {@link Settings#minRaised} of the logs keeps the base policy's weight, as there is too little
 * to fit it on. Folds keep every log of one culprit commit together; all seeds are fixed.
 */
public final class Calibration {
    /** One labelled result: its group (the culprit commit), the signals its log raised, whether the culprit was right. */
    public record Case(String group, Set<String> signals, boolean right) {
        public Case {
            Objects.requireNonNull(group, "group");
            signals = Set.copyOf(signals);
        }
    }

    /**
     * How the fit is made.
     *
     * @param lambdas the penalties tried, ascending
     * @param innerFolds folds of the cross-validation that chooses the penalty
     * @param seed the seed of those folds
     * @param targetMailedRight the share of the right culprits fitted on that the threshold still mails
     * @param step weights are rounded to a multiple of this
     * @param minRaised a signal raised on fewer logs than this is not fitted
     */
    public record Settings(List<Double> lambdas, int innerFolds, long seed, double targetMailedRight, double step,
            int minRaised) {
        public static final Settings DEFAULTS = new Settings(List.of(0.1, 0.3, 1.0, 3.0, 10.0, 30.0), 5, 1, 0.95, 0.05, 5);

        /** These settings with another share of the right culprits that the threshold mails. */
        public Settings withTargetMailedRight(double share) {
            return new Settings(lambdas, innerFolds, seed, share, step, minRaised);
        }

        public Settings {
            lambdas = List.copyOf(lambdas);
            if (lambdas.isEmpty() || innerFolds < 2 || !(step > 0 && step <= 1)
                    || !(targetMailedRight > 0 && targetMailedRight <= 1)) {
                throw new IllegalArgumentException("invalid calibration settings");
            }
        }
    }

    /**
     * A fitted policy.
     *
     * @param policy the base policy with the fitted weights and threshold
     * @param lambda the penalty chosen
     * @param fitted the signals whose weights were fitted
     * @param kept the signals raised too rarely to fit, which keep the base policy's weight
     */
    public record Fit(AssessPolicy policy, double lambda, List<String> fitted, List<String> kept) {}

    private final AssessPolicy base;
    private final Settings settings;
    private final Set<String> without;

    /**
     * @param base the policy whose other settings the fit keeps
     * @param without signals left out: weight 0, not fitted (to measure what one signal brings)
     */
    public Calibration(AssessPolicy base, Settings settings, Set<String> without) {
        this.base = Objects.requireNonNull(base, "base");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.without = Set.copyOf(without);
    }

    /** The cases as if the signals left out had never been raised: not weighed, not stated. */
    public List<Case> leaveOut(List<Case> cases) {
        if (without.isEmpty()) {
            return cases;
        }
        return cases.stream().map(c -> new Case(c.group(), c.signals().stream()
                .filter(s -> !without.contains(s)).collect(java.util.stream.Collectors.toSet()), c.right())).toList();
    }

    /** The weights and threshold fitted on all the given cases. */
    public Fit fit(List<Case> cases) {
        List<String> fitted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String id : Signals.ALL) {
            if (Signals.STRUCTURAL.contains(id) || without.contains(id)) {
                continue;
            }
            long raised = cases.stream().filter(c -> c.signals().contains(id)).count();
            (raised >= settings.minRaised() ? fitted : kept).add(id);
        }
        List<Case> rows = cases.stream().filter(c -> c.signals().stream().noneMatch(Signals.STRUCTURAL::contains)).toList();
        double lambda = chooseLambda(rows, fitted);
        NonPositiveLogistic.Model model = NonPositiveLogistic.fit(matrix(rows, fitted), labels(rows), lambda);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String id : without) {
            weights.put(id, 0.0);
        }
        for (int j = 0; j < fitted.size(); j++) {
            weights.put(fitted.get(j), round(1 - Math.exp(model.coefficient(j))));
        }
        for (String id : Signals.STRUCTURAL) {
            weights.put(id, 1.0);
        }
        AssessPolicy weighted = base.withWeights(weights);
        return new Fit(weighted.withMailThreshold(threshold(weighted, cases)), lambda, List.copyOf(fitted),
                List.copyOf(kept));
    }

    /** Each case judged by the policy fitted on the other folds: {@code folds} grouped folds, {@code repeats} shuffles. */
    public Confusion crossValidate(List<Case> cases, int folds, int repeats) {
        Confusion c = Confusion.empty();
        List<String> groups = cases.stream().map(Case::group).toList();
        for (int r = 0; r < repeats; r++) {
            int[] fold = GroupedFolds.assign(groups, folds, OUTER_SEED + r);
            for (int f = 0; f < folds; f++) {
                List<Case> train = new ArrayList<>();
                List<Case> test = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    (fold[i] == f ? test : train).add(cases.get(i));
                }
                if (!test.isEmpty()) {
                    c = c.plus(judge(fit(train).policy(), test));
                }
            }
        }
        return c;
    }

    /** The seed of the first shuffle of {@link #crossValidate}; shuffle {@code r} uses this plus {@code r}. */
    public static final long OUTER_SEED = 1000;

    /** How a policy does on the given cases; a doubt is stated when the policy states a raised signal. */
    public static Confusion judge(AssessPolicy policy, List<Case> cases) {
        Confusion c = Confusion.empty();
        for (Case k : cases) {
            boolean stated = k.signals().stream().anyMatch(policy::stated);
            c = c.add(policy.score(k.signals()) >= policy.mailThreshold(), k.right(), stated);
        }
        return c;
    }

    private double chooseLambda(List<Case> rows, List<String> fitted) {
        int[] fold = GroupedFolds.assign(rows.stream().map(Case::group).toList(), settings.innerFolds(), settings.seed());
        double best = settings.lambdas().get(0);
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double lambda : settings.lambdas()) {
            double loss = 0;
            for (int f = 0; f < settings.innerFolds(); f++) {
                List<Case> train = new ArrayList<>();
                List<Case> test = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    (fold[i] == f ? test : train).add(rows.get(i));
                }
                NonPositiveLogistic.Model m = NonPositiveLogistic.fit(matrix(train, fitted), labels(train), lambda);
                loss += m.logLoss(matrix(test, fitted), labels(test));
            }
            if (loss <= bestLoss + 1e-9) {
                best = lambda;
                bestLoss = Math.min(loss, bestLoss);
            }
        }
        return best;
    }

    /** The highest threshold, rounded down to 0.01, that mails the target share of the right culprits. */
    private double threshold(AssessPolicy policy, List<Case> cases) {
        List<Double> right = new ArrayList<>();
        for (Case c : cases) {
            if (c.right()) {
                right.add(policy.score(c.signals()));
            }
        }
        if (right.isEmpty()) {
            return policy.mailThreshold();
        }
        right.sort(java.util.Comparator.reverseOrder());
        int k = (int) Math.ceil(settings.targetMailedRight() * right.size() - 1e-9);
        double s = right.get(Math.max(0, k - 1));
        return Math.floor(s * 100 + 1e-9) / 100;
    }

    private double round(double w) {
        long per = Math.round(1 / settings.step());
        return Math.max(0, Math.min(1, Math.round(w * per) / (double) per));
    }

    private static boolean[][] matrix(List<Case> cases, List<String> features) {
        boolean[][] x = new boolean[cases.size()][features.size()];
        for (int i = 0; i < cases.size(); i++) {
            for (int j = 0; j < features.size(); j++) {
                x[i][j] = cases.get(i).signals().contains(features.get(j));
            }
        }
        return x;
    }

    private static boolean[] labels(List<Case> cases) {
        boolean[] y = new boolean[cases.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = cases.get(i).right();
        }
        return y;
    }
}

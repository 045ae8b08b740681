package dev.culprit.learn;

import java.util.Objects;

/**
 * Logistic regression on indicator features whose coefficients may not be positive: the
 * probability of a positive case is {@code 1 / (1 + exp(-(b + sum of beta_j over the raised
 * features)))} with every {@code beta_j <= 0}, fitted by minimising the summed log-loss plus
 * {@code lambda / 2 * sum beta_j^2} (the intercept is not penalised).
 *
 * <p>The problem is convex and the constraint a box, so cyclic coordinate descent converges: each
 * coordinate takes a Newton step, is clipped to 0, and is halved until the objective does not
 * rise. The order of the coordinates is fixed, so a fit is exactly reproducible.
 */
public final class NonPositiveLogistic {
    private static final int MAX_SWEEPS = 20_000;
    private static final double TOLERANCE = 1e-10;
    private static final int MAX_HALVINGS = 60;

    /** A fitted model: the intercept and one coefficient per feature, each at most 0. */
    public record Model(double intercept, double[] coefficients) {
        public Model {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        public double coefficient(int j) {
            return coefficients[j];
        }

        /** The linear predictor of one case. */
        public double eta(boolean[] x) {
            double eta = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                if (x[j]) {
                    eta += coefficients[j];
                }
            }
            return eta;
        }

        /** The summed log-loss of the model on the given cases. */
        public double logLoss(boolean[][] x, boolean[] y) {
            double loss = 0;
            for (int i = 0; i < x.length; i++) {
                loss += loss(eta(x[i]), y[i]);
            }
            return loss;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Model m && Double.compare(intercept, m.intercept) == 0
                    && java.util.Arrays.equals(coefficients, m.coefficients);
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(intercept) + java.util.Arrays.hashCode(coefficients);
        }

        @Override
        public String toString() {
            return "Model[intercept=" + intercept + ", coefficients=" + java.util.Arrays.toString(coefficients) + "]";
        }
    }

    private NonPositiveLogistic() {}

    /**
     * Fits the model.
     *
     * @param x one row per case, one indicator per feature (all rows of the same length)
     * @param y whether each case is positive
     * @param lambda the L2 penalty, at least 0
     */
    public static Model fit(boolean[][] x, boolean[] y, double lambda) {
        Objects.requireNonNull(x, "x");
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        }
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be at least 0: " + lambda);
        }
        Patterns d = Patterns.of(x, y);
        double[] beta = new double[d.features];
        double[] eta = new double[d.rows.length];
        double intercept = Math.log((d.positives + 0.5) / (x.length - d.positives + 0.5));
        java.util.Arrays.fill(eta, intercept);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double delta = step(d, eta, -1, 0, 0);
            intercept += delta;
            double largest = Math.abs(delta);
            for (int j = 0; j < d.features; j++) {
                delta = step(d, eta, j, beta[j], lambda);
                beta[j] += delta;
                largest = Math.max(largest, Math.abs(delta));
            }
            if (largest < TOLERANCE) {
                break;
            }
        }
        return new Model(intercept, beta);
    }

    /** The distinct rows with how many positive and negative cases share each. */
    private record Patterns(boolean[][] rows, double[] pos, double[] neg, int features, int positives) {
        static Patterns of(boolean[][] x, boolean[] y) {
            java.util.Map<String, Integer> index = new java.util.LinkedHashMap<>();
            java.util.List<boolean[]> rows = new java.util.ArrayList<>();
            java.util.List<double[]> counts = new java.util.ArrayList<>();
            int features = x.length == 0 ? 0 : x[0].length;
            int positives = 0;
            for (int i = 0; i < x.length; i++) {
                if (x[i].length != features) {
                    throw new IllegalArgumentException("rows of different lengths: " + features + " and " + x[i].length);
                }
                String key = java.util.Arrays.toString(x[i]);
                Integer k = index.get(key);
                if (k == null) {
                    k = rows.size();
                    index.put(key, k);
                    rows.add(x[i].clone());
                    counts.add(new double[2]);
                }
                counts.get(k)[y[i] ? 0 : 1]++;
                positives += y[i] ? 1 : 0;
            }
            double[] pos = new double[rows.size()];
            double[] neg = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                pos[k] = counts.get(k)[0];
                neg[k] = counts.get(k)[1];
            }
            return new Patterns(rows.toArray(boolean[][]::new), pos, neg, features, positives);
        }

        boolean has(int row, int j) {
            return j < 0 || rows[row][j];
        }

        double loss(int row, double eta) {
            return pos[row] * NonPositiveLogistic.loss(eta, true) + neg[row] * NonPositiveLogistic.loss(eta, false);
        }
    }

    /**
     * One safeguarded Newton step on coordinate {@code j} ({@code -1}: the unpenalised, unbounded
     * intercept), applied to {@code eta}; returns the change of the coordinate.
     */
    private static double step(Patterns d, double[] eta, int j, double current, double lambda) {
        double g = lambda * current;
        double h = lambda;
        for (int k = 0; k < eta.length; k++) {
            if (d.has(k, j)) {
                double p = sigmoid(eta[k]);
                double n = d.pos[k] + d.neg[k];
                g += n * p - d.pos[k];
                h += n * p * (1 - p);
            }
        }
        if (h <= 0) {
            return 0;
        }
        double target = current - g / h;
        if (j >= 0) {
            target = Math.min(0, target);
        }
        double delta = target - current;
        for (int halvings = 0; halvings < MAX_HALVINGS && delta != 0; halvings++) {
            double change = lambda / 2 * ((current + delta) * (current + delta) - current * current);
            for (int k = 0; k < eta.length; k++) {
                if (d.has(k, j)) {
                    change += d.loss(k, eta[k] + delta) - d.loss(k, eta[k]);
                }
            }
            if (change <= 0) {
                for (int k = 0; k < eta.length; k++) {
                    if (d.has(k, j)) {
                        eta[k] += delta;
                    }
                }
                return delta;
            }
            delta /= 2;
        }
        return 0;
    }

    /** The log-loss of one case: {@code log(1 + e^eta) - y * eta}, computed without overflow. */
    static double loss(double eta, boolean y) {
        double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
        return softplus - (y ? eta : 0);
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }
}

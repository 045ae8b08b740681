package dev.culprit.cli;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Calibration;
import dev.culprit.assess.Confusion;
import dev.culprit.assess.Signals;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options and the output that {@code calibrate} and {@code calibrate-store} share. */
final class CalibrationOptions {
    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds of the cross-validation (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "10",
            description = "Shuffles of the cross-validation, each result judged once per shuffle (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--mailed-right", paramLabel = "PERCENT", defaultValue = "95",
            description = "The share of the right culprits fitted on that the fitted threshold still mails,"
                    + " in percent (default: ${DEFAULT-VALUE}).")
    double mailedRight;

    @Option(names = "--without", paramLabel = "SIGNAL",
            description = "Leave a signal out of the fit and the fitted tables, as if never raised; repeatable.")
    List<String> without = new ArrayList<>();

    /** What is wrong with the options, or null. */
    String usageError() {
        if (folds < 2 || repeats < 1) {
            return "--folds must be at least 2 and --repeats at least 1";
        }
        if (!(mailedRight > 0 && mailedRight <= 100)) {
            return "--mailed-right must be above 0 and at most 100: " + mailedRight;
        }
        for (String s : without) {
            if (!Signals.ALL.contains(s)) {
                return "--without " + s + ": unknown signal; known: " + String.join(", ", Signals.ALL);
            }
        }
        return null;
    }

    Calibration.Settings settings() {
        return Calibration.Settings.DEFAULTS.withTargetMailedRight(mailedRight / 100);
    }

    Calibration calibration(AssessPolicy base) {
        return new Calibration(base, settings(), Set.copyOf(without));
    }

    /** The fitted policy judged by cross-validation, as a table. */
    void crossValidate(PrintWriter out, Calibration calibration, List<Calibration.Case> cases) {
        table(out, "fitted policy, cross-validated: " + folds + " folds keeping each culprit commit's results together, "
                + repeats + " shuffles (each result judged " + repeats + " times)", calibration.crossValidate(cases, folds, repeats));
    }

    /** The line saying how the fit was made, then the {@code assess:} section to paste. */
    void fitted(PrintWriter out, Calibration.Fit fit, int size, String what) {
        out.printf(Locale.ROOT, "fitted on %d %s: penalty %s chosen by %d-fold cross-validation; the threshold"
                + " mails %.0f%% of their right culprits%s%n", size, what, fit.lambda(), settings().innerFolds(),
                settings().targetMailedRight() * 100,
                fit.kept().isEmpty() ? "" : "; raised too rarely to fit, kept as configured: " + String.join(", ", fit.kept()));
        out.println();
        out.print(section(fit.policy()));
        out.flush();
    }

    static void table(PrintWriter out, String title, Confusion c) {
        out.print(c.format(title));
        out.println(AssessReportCommand.goal("this table", c));
        out.println();
    }

    /** The {@code assess:} section of the configuration with the policy's threshold and weights. */
    static String section(AssessPolicy p) {
        StringBuilder b = new StringBuilder("assess:\n");
        b.append("  mail-threshold: ").append(p.mailThreshold()).append('\n');
        b.append("  min-repro-chance: ").append(p.minReproChance()).append('\n');
        b.append("  min-crash-fraction: ").append(p.minCrashFraction()).append('\n');
        b.append("  noisy-run-fraction: ").append(p.noisyRunFraction()).append('\n');
        b.append("  max-error-probability: ").append(p.maxErrorProbability()).append('\n');
        b.append("  min-other-blames: ").append(p.minOtherBlames()).append('\n');
        b.append("  weights:\n");
        for (String id : Signals.ALL) {
            b.append("    ").append(id).append(": ").append(p.weight(id)).append('\n');
        }
        return b.toString();
    }
}

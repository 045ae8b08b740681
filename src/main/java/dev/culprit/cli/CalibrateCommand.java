package dev.culprit.cli;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Assessor;
import dev.culprit.assess.Calibration;
import dev.culprit.assess.Confusion;
import dev.culprit.assess.Holdout;
import dev.culprit.assess.LabelledEvaluation;
import dev.culprit.assess.Signals;
import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code culprit calibrate [--labels FILE] [--holdout] [--without SIGNAL]... LOGDIR}: fits the
 * signal weights and the mail threshold to labelled logs and prints the configured policy's
 * confusion table, the fitted one's cross-validated table and the {@code assess:} section to
 * paste. It never writes the configuration.
 */
@Command(
        name = "calibrate",
        description = {
            "Fits the signal weights and the mail threshold to labelled bisection logs (a logistic regression"
                    + " with non-positive coefficients, w = 1 - e^beta, its penalty chosen by cross-validation) and"
                    + " prints the configured policy's table, the fitted one's cross-validated table (folds keep the"
                    + " logs of one culprit commit together) and the assess: section to paste into the configuration.",
            "Exit status: 0 when the report was printed, 1 when a log or the labels could not be read,"
                    + " 2 on a usage or configuration error."
        })
final class CalibrateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @CommandLine.Mixin
    LabelledLogsOptions logs;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds of the cross-validation (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "10",
            description = "Shuffles of the cross-validation, each log judged once per shuffle (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--holdout", description = "Set aside the holdout (a fixed fifth of the logs, by a seeded hash of"
            + " their names): fit and cross-validate on the rest, then judge the holdout once with that fit.")
    boolean holdout;

    @Option(names = "--outside-holdout", description = "Fit and cross-validate on the logs outside the holdout only,"
            + " and leave the holdout unseen: the way to judge a change of the signals before the holdout is judged.")
    boolean outsideHoldout;

    @Option(names = "--mailed-right", paramLabel = "PERCENT", defaultValue = "95",
            description = "The share of the right culprits fitted on that the fitted threshold still mails,"
                    + " in percent (default: ${DEFAULT-VALUE}).")
    double mailedRight;

    @Option(names = "--without", paramLabel = "SIGNAL",
            description = "Leave a signal out of the fit and the fitted tables, as if never raised; repeatable.")
    List<String> without = new ArrayList<>();

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (folds < 2 || repeats < 1) {
            err.println("culprit: --folds must be at least 2 and --repeats at least 1");
            return 2;
        }
        if (!(mailedRight > 0 && mailedRight <= 100)) {
            err.println("culprit: --mailed-right must be above 0 and at most 100: " + mailedRight);
            return 2;
        }
        for (String s : without) {
            if (!Signals.ALL.contains(s)) {
                err.println("culprit: --without " + s + ": unknown signal; known: " + String.join(", ", Signals.ALL));
                return 2;
            }
        }
        CulpritConfig config = global.loadConfig();
        List<LabelledLogs.Log> read = logs.load(config, err);
        if (read == null) {
            return 1;
        }
        AssessPolicy current = config.assess();
        LabelledEvaluation all = LabelledLogs.evaluate(read, new Assessor(current));
        if (holdout && outsideHoldout) {
            err.println("culprit: --holdout and --outside-holdout exclude each other");
            return 2;
        }
        LabelledEvaluation fitOn = holdout || outsideHoldout ? all.holdout(false) : all;
        Calibration.Settings settings = Calibration.Settings.DEFAULTS.withTargetMailedRight(mailedRight / 100);
        Calibration calibration = new Calibration(current, settings, Set.copyOf(without));
        out.printf(Locale.ROOT, "%d labelled single-commit results (%d right, %d wrong)%s%n", all.entries().size(),
                all.policy().right(), all.policy().wrong(), holdout ? "; " + fitOn.entries().size()
                        + " outside the holdout are fitted and cross-validated, the holdout is judged once at the end"
                        : outsideHoldout ? "; only the " + fitOn.entries().size() + " outside the holdout are read" : "");
        out.println("blamed-before counts every other labelled log, whatever the order syzbot found them in"
                + (without.isEmpty() ? "" : "; left out of the fit: " + String.join(", ", without)));
        out.println();
        table(out, "configured policy (mail when score >= " + current.mailThreshold() + ")", fitOn.policy());
        table(out, "syzbot's gate (mailed when its state is done)", fitOn.syzbot());
        List<Calibration.Case> cases = calibration.leaveOut(fitOn.cases());
        Confusion cv = calibration.crossValidate(cases, folds, repeats);
        table(out, "fitted policy, cross-validated: " + folds + " folds keeping each culprit commit's logs together, "
                + repeats + " shuffles (each log judged " + repeats + " times)", cv);
        Calibration.Fit fit = calibration.fit(cases);
        if (holdout) {
            LabelledEvaluation held = all.holdout(true);
            out.printf(Locale.ROOT, "holdout: %d logs, judged once%n%n", held.entries().size());
            table(out, "holdout: configured policy", held.policy());
            table(out, "holdout: syzbot's gate", held.syzbot());
            table(out, "holdout: policy fitted on the other " + fitOn.entries().size() + " logs",
                    Calibration.judge(fit.policy(), calibration.leaveOut(held.cases())));
        }
        out.printf(Locale.ROOT, "fitted on %d logs: penalty %s chosen by %d-fold cross-validation; the threshold"
                + " mails %.0f%% of their right culprits%s%n", fitOn.entries().size(), fit.lambda(),
                settings.innerFolds(), settings.targetMailedRight() * 100,
                fit.kept().isEmpty() ? "" : "; raised too rarely to fit, kept as configured: " + String.join(", ", fit.kept()));
        out.println();
        out.print(section(fit.policy()));
        out.flush();
        return 0;
    }

    private static void table(PrintWriter out, String title, Confusion c) {
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

package dev.culprit.cli;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Assessor;
import dev.culprit.assess.Calibration;
import dev.culprit.assess.LabelledEvaluation;
import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
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

    @CommandLine.Mixin
    CalibrationOptions calibrate;

    @Option(names = "--holdout", description = "Set aside the holdout (a fixed fifth of the logs, by a seeded hash of"
            + " their names): fit and cross-validate on the rest, then judge the holdout once with that fit.")
    boolean holdout;

    @Option(names = "--outside-holdout", description = "Fit and cross-validate on the logs outside the holdout only,"
            + " and leave the holdout unseen: the way to judge a change of the signals before the holdout is judged.")
    boolean outsideHoldout;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String usage = holdout && outsideHoldout ? "--holdout and --outside-holdout exclude each other" : calibrate.usageError();
        if (usage != null) {
            err.println("culprit: " + usage);
            return 2;
        }
        CulpritConfig config = global.loadConfig();
        List<LabelledLogs.Log> read = logs.load(config, err);
        if (read == null) {
            return 1;
        }
        AssessPolicy current = config.assess();
        LabelledEvaluation all = LabelledLogs.evaluate(read, new Assessor(current));
        LabelledEvaluation fitOn = holdout || outsideHoldout ? all.holdout(false) : all;
        Calibration calibration = calibrate.calibration(current);
        out.printf(Locale.ROOT, "%d labelled single-commit results (%d right, %d wrong)%s%n", all.entries().size(),
                all.policy().right(), all.policy().wrong(), holdout ? "; " + fitOn.entries().size()
                        + " outside the holdout are fitted and cross-validated, the holdout is judged once at the end"
                        : outsideHoldout ? "; only the " + fitOn.entries().size() + " outside the holdout are read" : "");
        out.println("blamed-before counts every other labelled log, whatever the order syzbot found them in"
                + (calibrate.without.isEmpty() ? "" : "; left out of the fit: " + String.join(", ", calibrate.without)));
        out.println();
        CalibrationOptions.table(out, "configured policy (mail when score >= " + current.mailThreshold() + ")", fitOn.policy());
        CalibrationOptions.table(out, "syzbot's gate (mailed when its state is done)", fitOn.syzbot());
        List<Calibration.Case> cases = calibration.leaveOut(fitOn.cases());
        calibrate.crossValidate(out, calibration, cases);
        Calibration.Fit fit = calibration.fit(cases);
        if (holdout) {
            LabelledEvaluation held = all.holdout(true);
            out.printf(Locale.ROOT, "holdout: %d logs, judged once%n%n", held.entries().size());
            CalibrationOptions.table(out, "holdout: configured policy", held.policy());
            CalibrationOptions.table(out, "holdout: syzbot's gate", held.syzbot());
            CalibrationOptions.table(out, "holdout: policy fitted on the other " + fitOn.entries().size() + " logs",
                    Calibration.judge(fit.policy(), calibration.leaveOut(held.cases())));
        }
        calibrate.fitted(out, fit, fitOn.entries().size(), "logs");
        return 0;
    }
}

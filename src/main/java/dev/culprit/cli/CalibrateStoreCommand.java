package dev.culprit.cli;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Calibration;
import dev.culprit.store.Database;
import dev.culprit.store.LabelledSignals;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code culprit calibrate-store}: {@code calibrate} on the store's own labels (landed fixes,
 * operators, replies) and the signals each labelled result's mail stated.
 */
@Command(name = "calibrate-store", mixinStandardHelpOptions = true,
        description = {
            "Fits the signal weights and the mail threshold, as calibrate does, to the store's own labelled cause"
                    + " culprits (the label in force: an operator's over a landed fix's over a reply's) and the signals"
                    + " their mails stated, and prints the configured policy's table, the fitted one's cross-validated"
                    + " table and the assess: section to paste. Results stored before their signals were recorded are"
                    + " left out and counted.",
            "Exit status: 0 when the report was printed, 1 when the store cannot be read or has too few labelled"
                    + " results to fit, 2 on a usage or configuration error."
        })
final class CalibrateStoreCommand extends ModerationCommand {
    /** Fewer labelled results than this per fold are too few to fit and cross-validate on. */
    static final int MIN_PER_FOLD = 2;

    @CommandLine.Mixin
    CalibrationOptions calibrate;

    @Override
    String usageError() {
        return calibrate.usageError();
    }

    @Override
    int run(Culprit app, Database db, PrintWriter out) throws StoreException {
        List<LabelledSignals.Result> labelled = new LabelledSignals(db).all();
        List<Calibration.Case> recorded = labelled.stream().filter(r -> r.signals().isPresent())
                .map(r -> new Calibration.Case(r.culprit(), Set.copyOf(r.signals().get()), r.right())).toList();
        AssessPolicy current = app.config().assess();
        Calibration calibration = calibrate.calibration(current);
        List<Calibration.Case> cases = calibration.leaveOut(recorded);
        long right = cases.stream().filter(Calibration.Case::right).count();
        out.printf(Locale.ROOT, "%d labelled cause culprits in the store (%d right, %d wrong); %d more were stored"
                + " before their signals were recorded and are left out%n", cases.size(), right, cases.size() - right,
                labelled.size() - cases.size());
        out.println("the signals are those each mail stated when it was assessed"
                + (calibrate.without.isEmpty() ? "" : "; left out of the fit: " + String.join(", ", calibrate.without)));
        out.println();
        if (cases.size() < calibrate.folds * MIN_PER_FOLD || right == 0 || right == cases.size()) {
            out.printf(Locale.ROOT, "too few to fit: at least %d labelled results are needed, both right and wrong"
                    + " culprits among them%n", calibrate.folds * MIN_PER_FOLD);
            out.flush();
            return 1;
        }
        CalibrationOptions.table(out, "configured policy (mail when score >= " + current.mailThreshold() + ")",
                Calibration.judge(current, cases));
        calibrate.crossValidate(out, calibration, cases);
        calibrate.fitted(out, calibration.fit(cases), cases.size(), "labelled results");
        return 0;
    }
}

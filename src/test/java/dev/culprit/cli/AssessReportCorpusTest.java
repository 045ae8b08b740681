package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Assessor;
import dev.culprit.assess.Calibration;
import dev.culprit.assess.Confusion;
import dev.culprit.assess.LabelledEvaluation;
import dev.culprit.assess.Signals;
import dev.culprit.config.ParseSettings;
import dev.culprit.parse.LogParser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default policy on syzbot's 454 labelled cause bisections (test resources
 * {@code corpus/real}): the defaults are exactly what {@code culprit calibrate} fits to them, and
 * the fit, judged on logs it was not made on (cross-validation with folds grouped by culprit
 * commit), holds two thirds of the wrong culprits and mails 90% of the right ones. The figures are
 * pinned so that a change of signal or fit shows up here.
 */
class AssessReportCorpusTest {
    private static LabelledEvaluation eval;

    @BeforeAll
    static void assessCorpus() throws Exception {
        Path dir = corpus();
        Path labels = dir.resolve("labels.csv");
        var logs = LabelledLogs.read(dir, labels, LabelsFile.read(labels),
                new LogParser(ParseSettings.defaults().crashReportLimit()));
        eval = LabelledLogs.evaluate(logs, new Assessor(AssessPolicy.defaults()));
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(AssessReportCorpusTest.class.getResource("/corpus/real").toURI());
    }

    @Test
    void labelsHold454SingleCommitResultsAndSetAsideAHoldoutOf91() {
        assertThat(eval.syzbot().right()).isEqualTo(199);
        assertThat(eval.syzbot().wrong()).isEqualTo(255);
        LabelledEvaluation holdout = eval.holdout(true);
        assertThat(holdout.entries()).hasSize(91);
        assertThat(holdout.syzbot().right()).isEqualTo(34);
    }

    @Test
    void syzbotsGateHoldsOneWrongCulpritInSixAndNoRightOne() {
        assertThat(eval.syzbot()).isEqualTo(new Confusion(199, 212, 0, 43));
        assertThat(eval.syzbot().meets(2.0 / 3, 0.9)).isFalse();
    }

    @Test
    void shippedDefaultsAreWhatTheFitChoosesOnAllLabelledLogs() {
        Calibration.Fit fit = new Calibration(AssessPolicy.defaults(), Calibration.Settings.DEFAULTS, Set.of())
                .fit(eval.cases());
        assertThat(fit.policy()).isEqualTo(AssessPolicy.defaults());
        assertThat(fit.kept()).containsExactly(Signals.COMPILER_CHANGED, Signals.START_COMMIT, Signals.ERROR_PROBABILITY,
                Signals.LOW_REPRO_CHANCE);
    }

    @Test
    void theFitJudgedOnLogsItWasNotMadeOnHoldsTwoThirdsOfWrongCulpritsAndMailsNinetyPercentOfRightOnes() {
        Confusion cv = new Calibration(AssessPolicy.defaults(), Calibration.Settings.DEFAULTS, Set.of())
                .crossValidate(eval.cases(), 5, 10);
        assertThat(cv).isEqualTo(new Confusion(1872, 665, 118, 1885, 120));
        assertThat(cv.meets(2.0 / 3, 0.9, 0.05)).isTrue();
    }

    @Test
    void defaultPolicyOnTheLogsItWasFittedOn() {
        assertThat(eval.policy()).isEqualTo(new Confusion(190, 65, 9, 190, 12));
    }

    @Test
    void defaultPolicyHoldsEverythingSyzbotHeld() {
        for (LabelledEvaluation.Entry e : eval.entries()) {
            if (!e.syzbotState().equals(LabelledEvaluation.SYZBOT_MAILED)) {
                assertThat(e.mailed()).as(e.log()).isFalse();
            }
        }
    }

    @Test
    void everyHeldResultSaysWhy() {
        for (LabelledEvaluation.Entry e : eval.entries()) {
            if (!e.mailed()) {
                assertThat(e.assessment().reasons()).as(e.log()).isNotEmpty();
            }
        }
    }
}

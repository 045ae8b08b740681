package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Assessor;
import dev.culprit.assess.Confusion;
import dev.culprit.assess.CrossValidation;
import dev.culprit.assess.LabelledEvaluation;
import dev.culprit.config.ParseSettings;
import dev.culprit.parse.LogParser;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default policy on syzbot's labelled cause bisections (test resources {@code corpus/real}):
 * it must hold at least two thirds of the wrong culprits and mail at least 90% of the right ones,
 * also when its weights are chosen without the log being judged (leave-one-out).
 */
class AssessReportCorpusTest {
    private static LabelledEvaluation eval;

    @BeforeAll
    static void assessCorpus() throws Exception {
        Path dir = corpus();
        Path labels = dir.resolve("labels.csv");
        List<LabelsFile.Label> rows = LabelsFile.read(labels);
        eval = AssessReportCommand.evaluate(dir, labels, rows,
                new LogParser(ParseSettings.defaults().crashReportLimit()), new Assessor(AssessPolicy.defaults()));
        System.out.print(eval.format(AssessPolicy.defaults()));
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(AssessReportCorpusTest.class.getResource("/corpus/real").toURI());
    }

    @Test
    void labelsHold145SingleCommitResults() {
        Confusion syzbot = eval.syzbot();
        assertThat(syzbot.right()).isEqualTo(62);
        assertThat(syzbot.wrong()).isEqualTo(83);
    }

    @Test
    void syzbotsGateHoldsOneWrongCulpritInFiveAndNoRightOne() {
        assertThat(eval.syzbot()).isEqualTo(new Confusion(62, 67, 0, 16));
        assertThat(eval.syzbot().meets(2.0 / 3, 0.9)).isFalse();
    }

    @Test
    void defaultPolicyHoldsTwoThirdsOfWrongCulpritsAndMailsNinetyPercentOfRightOnes() {
        Confusion c = eval.policy();
        System.out.print(c.format("default policy"));
        assertThat(c.heldWrongRate()).isGreaterThanOrEqualTo(2.0 / 3);
        assertThat(c.mailedRightRate()).isGreaterThanOrEqualTo(0.9);
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

    @Test
    void weightsChosenWithoutTheJudgedLogStillMeetTheGoal() {
        CrossValidation cv = new CrossValidation(AssessPolicy.defaults(), CrossValidation.TUNED, CrossValidation.LEVELS,
                AssessReportCommand.TRAINING_MAILED_RIGHT);
        Confusion loo = cv.leaveOneOut(eval.cases());
        System.out.print(loo.format("leave-one-out"));
        assertThat(loo.meets(2.0 / 3, 0.9)).isTrue();
    }

    @Test
    void defaultsAreWhatTheChoiceOnAllLabelledLogsGives() {
        CrossValidation cv = new CrossValidation(AssessPolicy.defaults(), CrossValidation.TUNED, CrossValidation.LEVELS,
                AssessReportCommand.TRAINING_MAILED_RIGHT);
        assertThat(cv.fit(eval.cases())).isEqualTo(AssessPolicy.defaults());
    }
}

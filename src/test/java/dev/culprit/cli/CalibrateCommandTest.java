package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code culprit calibrate} on the first 60 labelled logs of the real corpus. */
class CalibrateCommandTest {
    @TempDir
    Path tmp;

    private Path labels;
    private Path corpus;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void labels() throws IOException, URISyntaxException {
        corpus = Path.of(getClass().getResource("/corpus/real").toURI());
        List<String> lines = Files.readAllLines(corpus.resolve("labels.csv")).stream()
                .filter(l -> !l.endsWith(",")).limit(61).toList();
        labels = Files.write(tmp.resolve("labels.csv"), lines);
    }

    private int run(String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsTheConfiguredTableTheCrossValidatedFitAndTheSectionToPaste() throws IOException {
        Path config = Files.writeString(tmp.resolve("culprit.yaml"), "assess:\n  mail-threshold: 0.5\n");
        assertThat(run("calibrate", "--config", config.toString(), "--labels", labels.toString(), "--repeats", "2",
                corpus.toString())).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).startsWith("60 labelled single-commit results (")
                .contains("\nconfigured policy (mail when score >= 0.5)\n")
                .contains("\nsyzbot's gate (mailed when its state is done)\n")
                .contains("\nfitted policy, cross-validated: 5 folds keeping each culprit commit's results together,"
                        + " 2 shuffles (each result judged 2 times)\n")
                .contains("with no doubt stated")
                .contains("\nfitted on 60 logs: penalty ")
                .contains("\nassess:\n  mail-threshold: ")
                .contains("\n  weights:\n    not-single-commit: 1.0\n")
                .doesNotContain("holdout");
        assertThat(Files.readString(config)).as("never rewrites the configuration").isEqualTo("assess:\n  mail-threshold: 0.5\n");
    }

    @Test
    void judgesTheHoldoutOnceWithTheFitMadeOnTheRest() {
        assertThat(run("calibrate", "--holdout", "--labels", labels.toString(), "--repeats", "1", corpus.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("; 48 outside the holdout are fitted and cross-validated")
                .contains("\nholdout: 12 logs, judged once\n")
                .contains("\nholdout: policy fitted on the other 48 logs\n")
                .contains("\nfitted on 48 logs: ");
    }

    @Test
    void fitsOutsideTheHoldoutWithoutJudgingIt() {
        assertThat(run("calibrate", "--outside-holdout", "--labels", labels.toString(), "--repeats", "1",
                corpus.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("; only the 48 outside the holdout are read")
                .contains("\nfitted on 48 logs: ")
                .doesNotContain("holdout:");
        assertThat(run("calibrate", "--outside-holdout", "--holdout", corpus.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("culprit: --holdout and --outside-holdout exclude each other\n");
    }

    @Test
    void leavesASignalOutOnRequest() {
        assertThat(run("calibrate", "--without", "blamed-before", "--labels", labels.toString(), "--repeats", "1",
                corpus.toString())).isZero();
        assertThat(out.toString()).contains("left out of the fit: blamed-before").contains("\n    blamed-before: 0.0\n");
    }

    @Test
    void rejectsAnUnknownSignalAndOneFold() {
        assertThat(run("calibrate", "--without", "blamed", corpus.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("culprit: --without blamed: unknown signal; known: not-single-commit, merge");
        assertThat(run("calibrate", "--folds", "1", corpus.toString())).isEqualTo(2);
    }

    @Test
    void namesAMissingLabelsFile() {
        assertThat(run("calibrate", "--labels", tmp.resolve("none.csv").toString(), corpus.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("culprit: " + tmp.resolve("none.csv") + ": no such file\n");
    }
}

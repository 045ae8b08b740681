package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AssessReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Three logs: a clean right culprit, a clean wrong one, and a wrong one outside the call trace. */
    @BeforeEach
    void logs() throws IOException {
        String clean;
        try (InputStream in = getClass().getResourceAsStream("/assess/clean-culprit.txt")) {
            clean = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("Log_right.txt"), clean);
        Files.writeString(dir.resolve("Log_wrong.txt"), clean);
        Files.writeString(dir.resolve("Log_astray.txt"),
                clean.replace(" fs/ext4/xattr.c | 12 ++++++++----\n", " drivers/net/tun.c | 12 ++++++++----\n"));
        Files.writeString(dir.resolve("labels.csv"), """
                log,syzbot_state,culprit,ground_truth,culprit_is_ground_truth
                Log_right,done,d,d,true
                Log_wrong,done,d,c,false
                Log_astray,unreliable,d,c,false
                Log_unlabelled,inconclusive,,,
                """);
    }

    @Test
    void printsBothTablesAndWhetherTheGoalIsMet() {
        assertThat(run("assess-report", dir.toString())).isZero();
        assertThat(out.toString()).startsWith("""
                3 labelled single-commit results: 1 right culprits, 2 wrong

                culprit policy (mail when score >= 0.08)
                                   mailed    held
                  right culprit         1       0   mailed 1/1 right culprits (100.0%)
                  wrong culprit         2       0   held 0/2 wrong culprits (0.0%)
                                                    mailed 1/2 wrong culprits with no doubt stated (50.0%)
                  precision: 33.3% of mailed culprits right, n/a of held culprits wrong

                syzbot's gate (mailed when its state is done)
                                   mailed    held
                  right culprit         1       0   mailed 1/1 right culprits (100.0%)
                  wrong culprit         1       1   held 1/2 wrong culprits (50.0%)
                                                    mailed 1/2 wrong culprits with no doubt stated (50.0%)
                """);
        assertThat(out.toString()).contains("  not-in-trace           0      1    0.75\n")
                .contains("goal (hold >= 2/3 of wrong culprits, mail >= 90% of right ones, mail < 5% of wrong ones with no doubt"
                        + " stated): NOT met by culprit policy\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void listsEachLogWithItsVerdictAndSignals() {
        assertThat(run("assess-report", "--list", dir.toString())).isZero();
        assertThat(out.toString()).contains("Log_astray wrong unreliable mail 0.250 not-in-trace\n")
                .contains("Log_right right done mail 1.000 \n");
    }

    @Test
    void readsLabelsFromAnotherFile() throws IOException {
        Path labels = Files.move(dir.resolve("labels.csv"), dir.resolve("other.csv"));
        assertThat(run("assess-report", "--labels", labels.toString(), dir.toString())).isZero();
        assertThat(out.toString()).startsWith("3 labelled single-commit results");
    }

    @Test
    void namesTheLabelLineOfAMissingLog() throws IOException {
        Files.delete(dir.resolve("Log_wrong.txt"));
        assertThat(run("assess-report", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("culprit: " + dir.resolve("labels.csv") + ":3: no log "
                + dir.resolve("Log_wrong.txt") + "\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void namesTheLineOfABadLabel() throws IOException {
        Files.writeString(dir.resolve("labels.csv"), "log,syzbot_state,culprit_is_ground_truth\nLog_right,done,yes\n");
        assertThat(run("assess-report", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("culprit: " + dir.resolve("labels.csv")
                + ":2: culprit_is_ground_truth must be true, false or empty: yes\n");
    }

    @Test
    void namesAMissingColumn() throws IOException {
        Files.writeString(dir.resolve("labels.csv"), "log,state\nLog_right,done\n");
        assertThat(run("assess-report", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("culprit: " + dir.resolve("labels.csv") + ":1: no column syzbot_state in the header\n");
    }

    @Test
    void failsWhenThereAreNoLabels() throws IOException {
        Files.delete(dir.resolve("labels.csv"));
        assertThat(run("assess-report", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("culprit: " + dir.resolve("labels.csv") + ": no such file\n");
    }

    @Test
    void appliesTheConfiguredPolicy() throws IOException {
        Path config = Files.writeString(dir.resolve("culprit.yaml"), "assess:\n  weights:\n    not-in-trace: 0.3\n");
        assertThat(run("assess-report", "--config", config.toString(), "--list", dir.toString())).isZero();
        assertThat(out.toString()).contains("Log_astray wrong unreliable mail 0.700 not-in-trace\n");
    }
}

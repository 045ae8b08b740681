package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.config.CulpritConfig;
import dev.culprit.model.Label;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.ResultKey;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.store.Database;
import dev.culprit.store.Labels;
import dev.culprit.store.Outbox;
import dev.culprit.store.StoreSettings;
import dev.culprit.testing.CliRun;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * calibrate-store over a store that took in 60 of syzbot's labelled logs, each labelled as the
 * corpus labels it: it fits what calibrate fits on the same logs.
 */
class CalibrateStoreCommandTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus/real");
    private static final int LOGS = 60;

    @TempDir
    Path dir;

    private Path config;
    private Path labelled;
    private String url;
    private int right;
    private int wrong;

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("culprit.yaml");
        Files.writeString(config, "state:\n  dir: %s\nspool:\n  dir: %s\n".formatted(dir.resolve("state"),
                dir.resolve("spool")), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("state"));
        labelled = Files.createDirectories(dir.resolve("labelled"));
        url = new StoreSettings(dir.resolve("state"), null, null, null, null, null, null).effectiveJdbcUrl();
        List<String> rows = Files.readAllLines(CORPUS.resolve("labels.csv")).stream()
                .filter(l -> l.endsWith(",true") || l.endsWith(",false")).toList();
        List<String> taken = new ArrayList<>();
        Pipeline pipeline = new Culprit(CulpritConfig.defaults(), Clock.systemUTC()).pipeline();
        try (Database db = Database.open(url, null, null)) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            Labels labels = new Labels(db);
            List<ResultKey> keys = new ArrayList<>();
            for (String row : rows) {
                String log = row.split(",")[0];
                String text = Files.readString(CORPUS.resolve(log + ".txt"), StandardCharsets.UTF_8);
                PreparedMail mail = pipeline.prepare(log + ".txt", new StringReader(text), null);
                if (keys.contains(mail.key())) {
                    continue; // the store keeps one result per crash and culprit: a second log of it adds none
                }
                outbox.intake().accept(mail, log + ".txt", Integer.toHexString(text.hashCode()) + log);
                Files.copy(CORPUS.resolve(log + ".txt"), labelled.resolve(log + ".txt"));
                keys.add(mail.key());
                taken.add(row);
                boolean isRight = row.endsWith(",true");
                labels.label(mail.key().shortId(), new Label(isRight ? Label.Value.RIGHT : Label.Value.WRONG, null,
                        Label.Source.OPERATOR, "the corpus's label", Instant.now()));
                if (isRight) {
                    right++;
                } else {
                    wrong++;
                }
                if (taken.size() == LOGS) {
                    break;
                }
            }
        }
        Files.writeString(labelled.resolve("labels.csv"),
                "log,syzbot_state,culprit,ground_truth,culprit_is_ground_truth\n" + String.join("\n", taken) + "\n");
    }

    @Test
    void fitsToTheStoresLabelsWhatCalibrateFitsToTheSameLogs() {
        CliRun store = CliRun.withConfig(config, "calibrate-store", "--repeats", "2", "--without", "blamed-before");
        CliRun logs = CliRun.withConfig(config, "calibrate", "--repeats", "2", "--without", "blamed-before",
                labelled.toString());

        assertThat(store.code()).as(store.err()).isZero();
        assertThat(logs.code()).as(logs.err()).isZero();
        assertThat(store.out()).startsWith(LOGS + " labelled cause culprits in the store (" + right + " right, " + wrong
                + " wrong); 0 more were stored before their signals were recorded and are left out\n");
        assertThat(section(store.out())).as("the same weights and threshold").isEqualTo(section(logs.out()))
                .contains("  mail-threshold: ").contains("    blamed-before: 0.0\n");
        assertThat(block(store.out(), "fitted policy, cross-validated"))
                .isEqualTo(block(logs.out(), "fitted policy, cross-validated"));
    }

    @Test
    void leavesOutAndCountsTheResultsStoredBeforeTheirSignalsWere() throws Exception {
        try (Database db = Database.open(url, null, null); var c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("update result_summary set summary = null where outbox_id in"
                    + " (select min(outbox_id) from result_label)");
        }
        CliRun run = CliRun.withConfig(config, "calibrate-store", "--repeats", "1");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith((LOGS - 1) + " labelled cause culprits in the store")
                .contains("; 1 more were stored before their signals were recorded and are left out\n");
    }

    @Test
    void saysWhenTheStoreHasTooFewLabelsToFit() {
        CliRun run = CliRun.withConfig(config, "calibrate-store", "--folds", "40");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("too few to fit: at least 80 labelled results are needed, both right and wrong"
                + " culprits among them\n");
    }

    @Test
    void refusesAnUnknownSignalBeforeOpeningTheStore() {
        CliRun run = CliRun.withConfig(config, "calibrate-store", "--without", "blamed");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("culprit calibrate-store: --without blamed: unknown signal; known: ");
    }

    private static String section(String out) {
        return out.substring(out.indexOf("assess:\n"));
    }

    private static String block(String out, String title) {
        int from = out.indexOf(title);
        return out.substring(from, out.indexOf("\n\n", from));
    }
}

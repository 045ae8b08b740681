package dev.culprit.fixes;

import static dev.culprit.fixes.LearnFixtures.MAILED;
import static dev.culprit.fixes.LearnFixtures.mailCulprit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.ResultKey;
import dev.culprit.model.Sidecar;
import dev.culprit.store.Database;
import dev.culprit.store.StoreSettings;
import dev.culprit.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** culprit label, culprit labels and the precision in culprit status, over a store with one mailed culprit. */
class LabelCommandsTest {
    private static final String CULPRIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private Path config;
    private String key;

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("culprit.yaml");
        Files.writeString(config, """
                state:
                  dir: %s
                spool:
                  dir: %s
                """.formatted(dir.resolve("state"), dir.resolve("spool")), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("state"));
        String url = new StoreSettings(dir.resolve("state"), null, null, null, null, null, null).effectiveJdbcUrl();
        try (Database db = Database.open(url, null, null)) {
            mailCulprit(db, CULPRIT, "mm: add a leak", Sidecar.empty(), MAILED);
            try (Connection c = db.connection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select result_key from outbox")) {
                rs.next();
                key = new ResultKey(rs.getString(1)).shortId();
            }
        }
    }

    private CliRun cli(String... args) {
        return CliRun.withConfig(config, args);
    }

    @Test
    void anOperatorLabelsAResultAndTheLabelsAndThePrecisionSaySo() {
        assertThat(cli("labels").out()).isEmpty();
        assertThat(cli("status").out()).contains("culprits, all time: mailed 1, known outcome 0, right 0, wrong 0, precision unknown\n");

        CliRun label = cli("label", key.substring(0, 12), "WRONG", "--culprit", "ABCDEF012345", "--why", "bisected again by hand");

        assertThat(label.code()).as(label.err()).isZero();
        assertThat(label.out()).isEqualTo("labelled " + key + " wrong, culprit abcdef012345, by an operator\n");
        CliRun json = cli("labels", "--json");
        assertThat(json.out()).startsWith("{\"key\":\"" + key + "\",\"resultKey\":\"cause|culprit|crash " + CULPRIT + "|" + CULPRIT
                + "\",\"label\":\"wrong\",\"source\":\"operator\",\"culprit\":\"abcdef012345\",\"mailedCulprit\":\"" + CULPRIT
                + "\",\"labels\":[{\"label\":\"wrong\",\"culprit\":\"abcdef012345\",\"source\":\"operator\","
                + "\"evidence\":\"bisected again by hand\",\"at\":\"").endsWith("\"}]}\n");
        assertThat(cli("labels").out()).startsWith(key + "  wrong (operator), culprit believed abcdef012345\n  ");
        CliRun status = cli("status");
        assertThat(status.out()).contains("culprits, last 90 days: mailed 0, known outcome 0, right 0, wrong 0, precision unknown\n")
                .contains("culprits, all time: mailed 1, known outcome 1, right 0, wrong 1, precision 0.0%\n")
                .contains("landed fixes: 0 of 0 mailed culprit(s) right; cited in mails from 20 on (learn.min-labelled)\n");
    }

    @Test
    void aLabelThatIsNeitherRightNorWrongOrAnUnknownKeyIsRefused() {
        CliRun bad = cli("label", key, "maybe", "--why", "x");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("culprit label: the label must be right or wrong, not \"maybe\"\n");
        CliRun unknown = cli("label", "ffffffffffff", "right", "--why", "x");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("culprit label: no result with key ffffffffffff\n");
        assertThat(cli("label", key, "right").code()).as("--why is required").isEqualTo(2);
    }

    @Test
    void checkConfigNamesAGitDirThatIsNoneAndAMissingRef() throws Exception {
        Files.writeString(config, Files.readString(config) + "learn:\n  git-dir: " + dir.resolve("nowhere") + "\n");
        CliRun missing = cli("check-config");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains(": learn.git-dir: " + dir.resolve("nowhere") + " does not exist or is not a directory\n");

        LearnFixtures.init(dir.resolve("linux")).close();
        Files.writeString(config, Files.readString(config).replace(dir.resolve("nowhere").toString(), dir.resolve("linux").toString())
                + "  refs: [refs/heads/next]\n");
        CliRun ref = cli("check-config");
        assertThat(ref.code()).isEqualTo(2);
        assertThat(ref.err()).contains(": learn.refs: refs/heads/next does not exist in " + dir.resolve("linux") + "\n");
    }
}

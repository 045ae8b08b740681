package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.config.Secrets;
import dev.culprit.mail.KillSwitch;
import dev.culprit.ops.Activity;
import dev.culprit.ops.MetricsSettings;
import dev.culprit.render.Renderer;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.spool.SpoolSettings;
import dev.culprit.store.Database;
import dev.culprit.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the pages are served, and what check-config says about their keys. */
class PagesSettingsTest {
    @TempDir
    Path dir;
    private Database db;
    private PageSources sources;
    private final Secrets secrets = new Secrets(Map.of());

    @BeforeEach
    void open() throws Exception {
        db = Database.inMemory();
        Clock clock = Clock.systemUTC();
        sources = new PageSources(db, clock, new KillSwitch(false, dir), new SpoolDirectory(new SpoolSettings(dir, null, null), clock),
                new Activity(clock)::snapshot, 20, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private boolean served(MetricsSettings settings) {
        return StatusPages.create(settings, 9474, secrets, sources, new Renderer(Renderer.bundledLoader())).isPresent();
    }

    @Test
    void thePagesAreOffUnlessAskedFor() {
        assertThat(served(new MetricsSettings(true, "127.0.0.1", 9474))).isFalse();
        assertThat(served(new MetricsSettings(false, "127.0.0.1", 9474, true, null))).isFalse();
        assertThat(served(new MetricsSettings(true, "127.0.0.1", 9474, true, null))).isTrue();
    }

    @Test
    void beyondLoopbackThePagesNeedThePasswordFile() throws Exception {
        Path password = Files.writeString(dir.resolve("pages-password"), "s3cret\n");
        Files.writeString(dir.resolve("empty"), "");

        assertThat(served(new MetricsSettings(true, "0.0.0.0", 9474, true, null))).isFalse();
        assertThat(served(new MetricsSettings(true, "0.0.0.0", 9474, true, password.toString()))).isTrue();
        assertThatThrownBy(() -> served(new MetricsSettings(true, "0.0.0.0", 9474, true, dir.resolve("empty").toString())))
                .hasMessage("metrics.password-file: " + dir.resolve("empty") + " is empty");
        assertThatThrownBy(() -> served(new MetricsSettings(true, "0.0.0.0", 9474, true, dir.resolve("missing").toString())))
                .hasMessageStartingWith("metrics.password-file: cannot read " + dir.resolve("missing"));
    }

    @Test
    void checkConfigNamesAnUnreadablePasswordFileAndWarnsWhenThePagesWouldStayOff() throws Exception {
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, """
                spool:
                  dir: %s
                state:
                  dir: %s
                metrics:
                  enabled: true
                  bind: 0.0.0.0
                  pages: true
                """.formatted(dir.resolve("spool"), dir.resolve("state")));

        CliRun off = CliRun.withConfig(config, "check-config");
        Files.writeString(config, Files.readString(config) + "  password-file: " + dir.resolve("missing") + "\n");
        CliRun missing = CliRun.withConfig(config, "check-config");

        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.err()).contains("culprit: warning: metrics.pages: off, because metrics.bind 0.0.0.0 is beyond loopback"
                + " and metrics.password-file is not set");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains(": metrics.password-file: cannot read " + dir.resolve("missing"));
    }
}

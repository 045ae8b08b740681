package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpsSettingsTest {
    private final ConfigLoader loader = new ConfigLoader();

    private CulpritConfig read(String yaml) throws ConfigException {
        return loader.read(new StringReader(yaml), "culprit.yaml");
    }

    @Test
    void defaultsKeepTheEndpointOffOnLoopbackAndRetentionOff() {
        CulpritConfig c = CulpritConfig.defaults();
        assertThat(c.metrics()).isEqualTo(new MetricsSettings(false, "127.0.0.1", 9474));
        assertThat(c.watchdog().stallTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.retention().enabled()).isFalse();
    }

    @Test
    void readsTheSections() throws ConfigException {
        CulpritConfig c = read("""
                metrics:
                  enabled: true
                  port: 9100
                watchdog:
                  stall-timeout: PT30M
                retention:
                  days: 90
                """);
        assertThat(c.metrics()).isEqualTo(new MetricsSettings(true, "127.0.0.1", 9100));
        assertThat(c.watchdog().stallTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.retention().days()).isEqualTo(90);
    }

    @Test
    void readsThePagesKeys() throws ConfigException {
        CulpritConfig c = read("""
                metrics:
                  enabled: true
                  pages: true
                  password-file: pages-password
                """);
        assertThat(c.metrics()).isEqualTo(new MetricsSettings(true, "127.0.0.1", 9474, true, "pages-password"));
        assertThat(CulpritConfig.defaults().metrics().pages()).isFalse();
        assertThatThrownBy(() -> read("metrics:\n  password-file: ' '\n"))
                .hasMessageStartingWith("culprit.yaml: metrics.password-file: must not be empty");
    }

    @Test
    void errorsNameTheKeyPath() {
        assertThatThrownBy(() -> read("metrics:\n  port: 70000\n"))
                .hasMessageStartingWith("culprit.yaml: metrics.port: must be between 0 and 65535: 70000");
        assertThatThrownBy(() -> read("watchdog:\n  stall-timeout: PT10S\n"))
                .hasMessageStartingWith("culprit.yaml: watchdog.stall-timeout: must be at least PT1M: PT10S");
        assertThatThrownBy(() -> read("retention:\n  days: 0\n"))
                .hasMessageStartingWith("culprit.yaml: retention.days: must be at least 1");
        assertThatThrownBy(() -> read("metrics:\n  adress: 0.0.0.0\n"))
                .hasMessageStartingWith("culprit.yaml: metrics.adress: unknown key; known keys here: bind, enabled, pages, password-file, port");
    }

    @Test
    void theExampleConfigurationLoadsWithItsDocumentedDefaults() throws ConfigException {
        CulpritConfig c = loader.load(Path.of("config/culprit.yaml"));
        assertThat(c.metrics()).isEqualTo(MetricsSettings.defaults());
        assertThat(c.watchdog()).isEqualTo(WatchdogSettings.defaults());
        assertThat(c.retention()).isEqualTo(RetentionSettings.defaults());
    }
}

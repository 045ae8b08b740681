package dev.culprit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void emptyFileGivesDefaults() throws Exception {
        CulpritConfig c = loader.read(new StringReader(""), "culprit.yaml");
        assertThat(c).isEqualTo(CulpritConfig.defaults());
    }

    @Test
    void readsKebabCaseKeys() throws Exception {
        CulpritConfig c = loader.read(new StringReader("parse:\n  crash-report-limit: 100\n"), "culprit.yaml");
        assertThat(c.parse().crashReportLimit()).isEqualTo(100);
    }

    @Test
    void unknownKeyIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.read(new StringReader("parse:\n  crash-report-limt: 100\n"), "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: parse.crash-report-limt: unknown key");
    }

    @Test
    void invalidValueIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.read(new StringReader("parse:\n  crash-report-limit: -1\n"), "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: parse.crash-report-limit: must not be negative: -1");
    }

    @Test
    void wrongTypeIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.read(new StringReader("parse:\n  crash-report-limit: lots\n"), "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: parse.crash-report-limit:");
    }
}

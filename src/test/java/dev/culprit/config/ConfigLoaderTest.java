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
                .hasMessage("culprit.yaml: parse.crash-report-limit: expected a whole number, got \"lots\" (line 2)");
    }

    @Test
    void readsAssessSection() throws Exception {
        CulpritConfig c = loader.read(new StringReader(
                "assess:\n  mail-threshold: 0.4\n  min-crash-fraction: 0.3\n  weights:\n    flaky: 0.5\n"), "culprit.yaml");
        assertThat(c.assess().mailThreshold()).isEqualTo(0.4);
        assertThat(c.assess().minCrashFraction()).isEqualTo(0.3);
        assertThat(c.assess().weight("flaky")).isEqualTo(0.5);
        assertThat(c.assess().weight("merge")).isEqualTo(1.0);
    }

    @Test
    void unknownSignalWeightIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.read(new StringReader("assess:\n  weights:\n    mrege: 0.5\n"), "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: assess.weights.mrege: unknown signal; known: not-single-commit, merge");
    }

    @Test
    void outOfRangeThresholdIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.read(new StringReader("assess:\n  mail-threshold: 2\n"), "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: assess.mail-threshold: must be within 0..1: 2.0");
    }

    @Test
    void exampleConfigurationLoads() throws Exception {
        CulpritConfig c = loader.load(java.nio.file.Path.of("config/culprit.yaml"));
        assertThat(c.assess()).isEqualTo(dev.culprit.assess.AssessPolicy.defaults());
    }
}

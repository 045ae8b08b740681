package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.store.Database;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class CulpritTest {
    private static CulpritConfig read(String yaml) throws ConfigException {
        return new ConfigLoader().read(new StringReader(yaml), "culprit.yaml");
    }

    @Test
    void theDefaultsLetAnIdleServiceLive() {
        assertThat(Culprit.scheduleProblem(CulpritConfig.defaults())).isEmpty();
    }

    @Test
    void aStallTimeoutWithinTheScanIntervalIsRefused() throws ConfigException {
        assertThat(Culprit.scheduleProblem(read("schedule:\n  scan-interval: PT20M\nwatchdog:\n  stall-timeout: PT15M\n")))
                .hasValue("watchdog.stall-timeout: PT15M must be longer than schedule.scan-interval: PT20M");
        assertThat(Culprit.scheduleProblem(read("schedule:\n  deliver-interval: PT15M\nwatchdog:\n  stall-timeout: PT15M\n")))
                .hasValue("watchdog.stall-timeout: PT15M must be longer than schedule.deliver-interval: PT15M");
    }

    @Test
    void retentionOnlyWhenDaysAreSet() throws Exception {
        try (Database db = Database.inMemory()) {
            assertThat(new Culprit(CulpritConfig.defaults(), Clock.systemUTC()).retention(Path.of("done"), db)).isEmpty();
            assertThat(new Culprit(read("retention:\n  days: 90\n"), Clock.systemUTC()).retention(Path.of("done"), db)).isPresent();
        }
    }
}

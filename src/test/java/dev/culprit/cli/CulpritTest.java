package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.store.Database;
import dev.culprit.store.ReplyIdentity;
import dev.culprit.store.ReplyRecords;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void retentionForgetsRepliesReceivedBeforeItsDays(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        ReplyIdentity old = new ReplyIdentity("<old@example.org>", null, "a@example.org", true);
        ReplyIdentity recent = new ReplyIdentity("<recent@example.org>", null, "a@example.org", true);
        try (Database db = Database.inMemory()) {
            for (var r : List.of(Map.entry(old, now.minus(Duration.ofDays(31))), Map.entry(recent, now.minus(Duration.ofDays(29))))) {
                ReplyRecords records = new ReplyRecords(db, Clock.fixed(r.getValue(), ZoneOffset.UTC));
                db.inTransaction(c -> records.claim(c, new ReplyRecords.Received(r.getKey(), "a@example.org", "dmarc=pass", null)));
            }
            Culprit app = new Culprit(read("retention:\n  days: 30\n"), Clock.fixed(now, ZoneOffset.UTC));

            app.retention(dir.resolve("done"), db).orElseThrow().run();

            ReplyRecords records = new ReplyRecords(db, Clock.systemUTC());
            assertThat(records.handled(old)).isFalse();
            assertThat(records.handled(recent)).isTrue();
        }
    }
}

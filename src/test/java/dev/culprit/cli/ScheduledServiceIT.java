package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.schedule.ServiceScheduler;
import dev.culprit.testing.GreenMailSetups;
import dev.culprit.testing.TestLogs;
import dev.culprit.testing.TestProcessor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled service in this JVM: the directory watch wakes the scan long before the timed one. */
class ScheduledServiceIT {
    @TempDir
    Path dir;

    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private CulpritConfig config() throws Exception {
        Path c = dir.resolve("culprit.yaml");
        Files.writeString(c, "spool:\n  dir: " + dir.resolve("spool") + "\n"
                + "state:\n  dir: " + dir.resolve("state") + "\n"
                + "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  security: none\n"
                + "schedule:\n  scan-interval: PT10M\n  deliver-interval: PT10M\n");
        return new ConfigLoader().load(c);
    }

    @Test
    void newLogIsMailedWithoutWaitingForTheTimedScan() throws Exception {
        CulpritConfig config = config();
        try (ServiceParts w = new Culprit(config, Clock.systemUTC()).openService(new TestProcessor(), null, null,
                new Secrets(java.util.Map.of()), ServiceEvents.NONE)) {
            ServiceScheduler scheduler = new ServiceScheduler(w.service, config.schedule(), w.spool.inbox());
            scheduler.start();
            try {
                // the timed runs happen at start and then every 10 minutes: these come from the watch
                TestLogs.drop(config.spool().dir(), "a.log", TestLogs.log(1, List.of("dev@example.org"), List.of()));
                assertThat(greenMail.waitForIncomingEmail(120_000, 1)).isTrue();
                TestLogs.drop(config.spool().dir(), "b.log", TestLogs.log(2, List.of("dev@example.org"), List.of()));
                assertThat(greenMail.waitForIncomingEmail(120_000, 2)).isTrue();
            } finally {
                scheduler.close();
            }
            assertThat(w.spool.counts().done()).isEqualTo(2);
        }
    }

    @Test
    void dryRunServicePreviewsEachLogOncePerProcess() throws Exception {
        CulpritConfig config = config();
        Path spool = config.spool().dir();
        Files.createDirectories(spool.resolve("inbox"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ServiceParts w = new Culprit(config, Clock.systemUTC()).openService(new TestProcessor(), out, "test output",
                new Secrets(java.util.Map.of()), ServiceEvents.NONE)) {
            ServiceScheduler scheduler = new ServiceScheduler(w.service, new dev.culprit.schedule.ScheduleSettings(
                    Duration.ofMillis(200), Duration.ofMillis(200), true), spool.resolve("inbox"));
            scheduler.start();
            try {
                TestLogs.drop(spool, "a.log", TestLogs.log(1, List.of("dev@example.org"), List.of()));
                await().atMost(Duration.ofMinutes(2)).until(() -> count(out) == 1);
                TestLogs.drop(spool, "b.log", TestLogs.log(2, List.of("dev@example.org"), List.of()));
                await().atMost(Duration.ofMinutes(2)).until(() -> count(out) == 2);
                // several more scans pass over the same two logs without showing them again
                long scansBefore = System.nanoTime();
                await().atMost(Duration.ofMinutes(2)).until(() -> System.nanoTime() - scansBefore > 1_000_000_000L);
                assertThat(count(out)).isEqualTo(2);
            } finally {
                scheduler.close();
            }
        }
        assertThat(Files.list(spool.resolve("inbox")).count()).isEqualTo(2);
        assertThat(dir.resolve("state")).doesNotExist();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private static long count(ByteArrayOutputStream out) {
        synchronized (out) {
            return new String(out.toByteArray(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("From ")).count();
        }
    }
}

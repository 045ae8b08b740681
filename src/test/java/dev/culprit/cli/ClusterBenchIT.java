package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.testing.GreenMailSetups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of one, two and three clustered instances, against one stand-alone instance on the
 * same PostgreSQL server measured in the same run: the time from the moment the logs are in
 * {@code inbox/} (every instance already running) until the last mail has arrived. A benchmark,
 * not a test: it only runs with {@code -Dculprit.bench=true}, and prints its figures.
 *
 * <pre>mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterBenchIT -Dculprit.bench=true</pre>
 */
class ClusterBenchIT {
    private static final int LOGS = Integer.getInteger("culprit.bench.logs", 500);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()));

    private static EmbeddedDb pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        Assumptions.assumeTrue(Boolean.getBoolean("culprit.bench"), "benchmark: run with -Dculprit.bench=true");
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void throughputWithOneTwoAndThreeInstances() throws Exception {
        List<String> lines = new ArrayList<>();
        double baseline = run("stand-alone", 1, false);
        lines.add(String.format("1 instance, stand-alone (in-memory Quartz): %6.1f mails/s  1.00", baseline));
        for (int n = 1; n <= 3; n++) {
            double rate = run("clustered-" + n, n, true);
            lines.add(String.format("%d instance(s), clustered:                  %6.1f mails/s  %.2f", n, rate, rate / baseline));
        }
        System.out.println("cluster throughput, " + LOGS + " logs into inbox/ until the last mail arrived"
                + " (mails/s, ratio to the stand-alone instance):");
        lines.forEach(System.out::println);
    }

    /** Mails per second for {@code instances} nodes over a fresh database and spool. */
    private double run(String name, int instances, boolean cluster) throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        try (ClusterHarness h = new ClusterHarness(Files.createDirectories(dir.resolve(name)), pg, greenMail)) {
            List<ClusterHarness.Node> nodes = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String node = name + "-" + (char) ('a' + i);
                nodes.add(h.start(node, h.config(node, cluster, Duration.ofSeconds(30))));
            }
            h.awaitRunning(nodes);
            long start = System.nanoTime();
            h.dropLogs(LOGS);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                    .failFast(() -> nodes.stream().anyMatch(n -> !n.process().isAlive()))
                    .until(() -> h.received() >= LOGS);
            double seconds = (System.nanoTime() - start) / 1e9;
            h.close();
            Map<String, Integer> byId = h.receivedByMessageId();
            assertThat(byId).hasSize(LOGS);
            assertThat(byId.values()).allMatch(c -> c == 1);
            System.out.printf("%s: %d mails in %.1f s%n", name, LOGS, seconds);
            return LOGS / seconds;
        }
    }
}

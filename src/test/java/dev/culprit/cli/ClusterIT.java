package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.config.ConfigLoader;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Verdict;
import dev.culprit.spool.LogProcessor;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.testing.GreenMailSetups;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Several instances ({@code culprit run} in child JVMs) on one PostgreSQL database and one
 * spool: Quartz's clustered job store schedules them, outbox leases keep each mail to one sender.
 */
class ClusterIT {
    private static final int LOGS = 500;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()));

    private static EmbeddedDb pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        pg.close();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Test
    void generatedLogsAreDistinctResultsThatGetMailed() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            LogProcessor p = new Culprit(new ConfigLoader().load(h.config("probe", true, Duration.ofSeconds(10))), Clock.systemUTC()).processor();
            String template;
            try (InputStream in = ClusterIT.class.getResourceAsStream(ClusterHarness.TEMPLATE)) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            PreparedMail a = p.prepare("a", ClusterHarness.variant(template, 1).getBytes(StandardCharsets.UTF_8), null);
            PreparedMail b = p.prepare("b", ClusterHarness.variant(template, 2).getBytes(StandardCharsets.UTF_8), null);
            assertThat(a.verdict()).isEqualTo(Verdict.MAIL);
            assertThat(a.messageId()).isNotEqualTo(b.messageId());
            assertThat(a.recipients()).extracting(r -> r.address()).containsExactly(ClusterHarness.REDIRECT);
        }
    }

    @Test
    void threeInstancesSendEveryMailExactlyOnce() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            List<ClusterHarness.Node> nodes = List.of(
                    h.start("a", h.config("a", true, Duration.ofSeconds(20))),
                    h.start("b", h.config("b", true, Duration.ofSeconds(20))),
                    h.start("c", h.config("c", true, Duration.ofSeconds(20))));
            h.awaitRunning(nodes);
            assertThat(h.count("select count(*) from qrtz_scheduler_state")).isEqualTo(3);
            assertThat(h.count("select count(*) from culprit_cluster")).isEqualTo(1);
            StringWriter status = new StringWriter();
            CommandLine statusCommand = Main.newCommandLine();
            statusCommand.setOut(new PrintWriter(status, true));
            assertThat(statusCommand.execute("status", "--config", h.config("status", true, Duration.ofSeconds(20)).toString()))
                    .isZero();
            assertThat(status.toString()).contains("cluster: since ").contains("3 node(s) checked in");

            long start = System.nanoTime();
            h.dropLogs(LOGS);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                    .failFast(() -> nodes.stream().anyMatch(n -> !n.process().isAlive()))
                    .until(() -> h.received() >= LOGS);
            double seconds = (System.nanoTime() - start) / 1e9;
            // whatever else is still on its way arrives before every node has drained and stopped
            await().atMost(Duration.ofMinutes(5)).until(() -> h.count("select count(*) from outbox where state <> 'sent'") == 0);
            h.close();

            Map<String, Integer> byId = h.receivedByMessageId();
            assertThat(byId).as("one mail per log").hasSize(LOGS);
            assertThat(byId.values()).as("no mail twice" + h.logs()).allMatch(n -> n == 1);
            assertThat(h.count("select count(*) from outbox where state = 'sent'")).isEqualTo(LOGS);
            assertThat(h.files("done")).isEqualTo(LOGS);
            assertThat(h.files("inbox") + h.files("work") + h.files("failed")).as("left in the spool: %s%s", h.leftovers(), h.logs()).isZero();
            long nodesThatWorked = nodes.stream().filter(n -> n.log().contains("sent to 1 recipient(s)")
                    || n.log().contains("queued for 1 recipient(s)")).count();
            System.out.printf("cluster: %d logs through 3 instances in %.1f s (%.1f mails/s); %d of 3 instances ran jobs%n",
                    LOGS, seconds, LOGS / seconds, nodesThatWorked);
        }
    }

    @Test
    void othersFinishTheWorkOfAnInstanceKilledMidRun() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            List<ClusterHarness.Node> nodes = List.of(
                    h.start("a", h.config("a", true, Duration.ofSeconds(10))),
                    h.start("b", h.config("b", true, Duration.ofSeconds(10))),
                    h.start("c", h.config("c", true, Duration.ofSeconds(10))));
            h.awaitRunning(nodes);
            h.dropLogs(LOGS);

            // kill the node that is sending, once it is well into the run
            ClusterHarness.Node[] victim = new ClusterHarness.Node[1];
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (h.received() < 100) {
                    return false;
                }
                victim[0] = h.delivering().orElse(null);
                return victim[0] != null;
            });
            victim[0].process().destroyForcibly();
            Instant killedAt = Instant.now();
            int atKill = h.received();
            assertThat(victim[0].process().waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(victim[0].process().exitValue()).as("killed by SIGKILL").isEqualTo(137);

            List<ClusterHarness.Node> survivors = nodes.stream().filter(n -> n != victim[0]).toList();
            // the victim's SMTP session dies with it: GreenMail's handler thread of that session
            // ends with "Connection reset", which is the scenario, not a failure
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).dontCatchUncaughtExceptions()
                    .failFast(() -> survivors.stream().anyMatch(n -> !n.process().isAlive()))
                    .until(() -> h.receivedByMessageId().size() >= LOGS
                            && h.count("select count(*) from outbox where state <> 'sent'") == 0
                            && h.files("work") == 0);
            h.close();
            Instant firstAfter = survivors.stream().flatMap(n -> ClusterHarness.sentAt(n.log()).stream())
                    .filter(t -> t.isAfter(killedAt)).min(Instant::compareTo).orElseThrow();

            Map<String, Integer> byId = h.receivedByMessageId();
            int total = byId.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(byId).as("every log mailed" + h.logs()).hasSize(LOGS);
            assertThat(total - LOGS).as("at most one duplicate for the one kill, under the same Message-ID").isLessThanOrEqualTo(1);
            assertThat(h.count("select count(*) from outbox where state = 'sent'")).isEqualTo(LOGS);
            assertThat(h.files("done")).isEqualTo(LOGS);
            assertThat(h.files("inbox") + h.files("work") + h.files("failed")).as("left in the spool: %s%s", h.leftovers(), h.logs()).isZero();
            System.out.printf("cluster failover: %s killed with SIGKILL after %d mails; first mail from another instance"
                    + " %.1f s later; %d duplicate(s)%n", victim[0].name(), atKill,
                    Duration.between(killedAt, firstAfter).toMillis() / 1000.0, total - LOGS);
        }
    }

    @Test
    void logADeadNodeLeftInWorkIsMailedByTheCluster() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            String template;
            try (InputStream in = ClusterIT.class.getResourceAsStream(ClusterHarness.TEMPLATE)) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path work = Files.createDirectories(h.spool.resolve("work"));
            Files.writeString(work.resolve("claimed-by-a-dead-node.txt"), ClusterHarness.variant(template, 7));
            ClusterHarness.Node a = h.start("a", h.config("a", true, Duration.ofSeconds(10)));
            h.awaitRunning(List.of(a));
            greenMail.waitForIncomingEmail(Duration.ofMinutes(5).toMillis(), 1);
            await().atMost(Duration.ofMinutes(2)).until(() -> h.files("done") == 1);
            assertThat(h.files("work")).isZero();
            assertThat(h.received()).isEqualTo(1);
            assertThat(a.log()).contains("left in");
        }
    }

    @Test
    void instanceWithoutClusterRefusesToStartOnAClusteredDatabase() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            ClusterHarness.Node a = h.start("a", h.config("a", true, Duration.ofSeconds(10)));
            h.awaitRunning(List.of(a));

            StringWriter err = new StringWriter();
            int code = ClusterNode.run(new PrintWriter(err, true), "--config", h.config("single", false, Duration.ofSeconds(10)).toString());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("is shared by a cluster of instances")
                    .contains("does not have state.cluster: true");
            assertThat(a.process().isAlive()).isTrue();
        }
    }

    @Test
    void clusterOnTheEmbeddedDatabaseIsRefusedAtStart() throws Exception {
        Path config = dir.resolve("h2.yaml");
        Files.writeString(config, """
                spool:
                  dir: %s
                state:
                  dir: %s
                  cluster: true
                """.formatted(dir.resolve("spool"), dir.resolve("state")));
        StringWriter err = new StringWriter();
        int code = ClusterNode.run(new PrintWriter(err, true), "--config", config.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("state.cluster: several instances need a shared PostgreSQL database")
                .contains("not the embedded H2 database");
        assertThat(dir.resolve("state")).doesNotExist();
    }
}

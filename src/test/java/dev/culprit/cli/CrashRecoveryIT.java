package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.testing.GreenMailSetups;
import dev.culprit.testing.TestLogs;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as a child JVM, killed with SIGKILL at random points while it works through 200
 * logs, and started again each time: every result is mailed, none is lost, and a kill causes at
 * most one duplicate, which carries the same Message-ID.
 */
class CrashRecoveryIT {
    private static final int LOGS = 200;
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void start() {
        greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
    }

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        greenMail.stop();
    }

    @Test
    void killedAtRandomPointsItMailsEveryResultWithAtMostOneDuplicatePerKill() throws Exception {
        Path spool = dir.resolve("spool");
        Files.createDirectories(spool.resolve("inbox"));
        for (int i = 0; i < LOGS; i++) {
            TestLogs.drop(spool, String.format("log-%03d.log", i),
                    TestLogs.log(i, List.of("dev" + i + "@example.org"), List.of()));
        }
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, "spool:\n  dir: " + spool + "\n"
                + "state:\n  dir: " + dir.resolve("state") + "\n"
                + "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  security: none\n"
                + "delivery:\n  batch-size: 20\n  initial-backoff: PT1S\n  max-backoff: PT2S\n  hourly-cap: 100000\n"
                + "schedule:\n  scan-interval: PT0.2S\n  deliver-interval: PT0.2S\n");

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> killedAt = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            Process p = child(config, "kill-" + k);
            // a random point in the work: every other kill while logs are being claimed and
            // stored, the others while mails are being sent
            if (k % 2 == 0 && count(spool.resolve("done")) < LOGS - 20) {
                long target = count(spool.resolve("done")) + 1 + random.nextInt(20);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(1)).until(() -> count(spool.resolve("done")) >= target);
            } else {
                int target = Math.min(LOGS - 1, distinct() + 1 + random.nextInt(30));
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(1)).until(() -> distinct() >= target);
            }
            assertThat(p.isAlive()).as("child %d ended by itself; see %s", k, dir.resolve("kill-" + k + ".err")).isTrue();
            p.destroyForcibly().waitFor();
            killedAt.add(count(spool.resolve("done")) + " logs done, " + distinct() + " mails");
        }
        long restart = System.nanoTime();
        Process last = child(config, "final");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> distinct() == LOGS);
        long recoveryMillis = (System.nanoTime() - restart) / 1_000_000;

        last.destroy();
        assertThat(last.waitFor(2, TimeUnit.MINUTES)).as("exits on SIGTERM").isTrue();
        assertThat(Files.readString(dir.resolve("final.err"))).contains("stopped");

        Map<String, Integer> perMessageId = perMessageId();
        int duplicates = greenMail.getReceivedMessages().length - LOGS;
        System.out.printf("crash recovery: seed %d, killed after %s; final run finished the rest in %d ms; %d duplicate(s)%n",
                seed, killedAt, recoveryMillis, duplicates);
        assertThat(perMessageId).as("every result mailed, each under a Message-ID of its own").hasSize(LOGS);
        // a mail the server took but the killed process had not yet recorded as sent is sent again
        // after the restart: one duplicate per kill at most; the same mail may be in flight at two
        // consecutive kills, so a mail may arrive more than twice, but always as the same message
        assertThat(duplicates).as("at most one duplicate per kill (%d kills)", KILLS).isBetween(0, KILLS);
        assertThat(messageIdsPerResult()).as("one result per log").hasSize(LOGS)
                .allSatisfy((recipients, ids) -> assertThat(ids).as("Message-IDs of the copies of the mail to %s", recipients).hasSize(1));
        assertThat(count(spool.resolve("done"))).isEqualTo(LOGS);
        assertThat(count(spool.resolve("inbox")) + count(spool.resolve("work")) + count(spool.resolve("failed"))).isZero();
    }

    private Process child(Path config, String name) throws IOException {
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), TestServiceMain.class.getName(), "run", "--config", config.toString());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
        children.add(p);
        return p;
    }

    private int distinct() {
        return perMessageId().size();
    }

    /** The Message-IDs received per result; each log mails its own recipient, so recipients name the result. */
    private Map<String, Set<String>> messageIdsPerResult() {
        Map<String, Set<String>> out = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                String recipients = Arrays.stream(m.getAllRecipients()).map(Address::toString).sorted().toList().toString();
                out.computeIfAbsent(recipients, r -> new TreeSet<>()).add(m.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private Map<String, Integer> perMessageId() {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                out.merge(m.getMessageID(), 1, Integer::sum);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static long count(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }
}

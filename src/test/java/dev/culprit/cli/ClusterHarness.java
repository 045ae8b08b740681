package dev.culprit.cli;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.culprit.store.EmbeddedDb;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Several {@code culprit run} processes (child JVMs on this test's class path) sharing one
 * PostgreSQL database, one spool and one SMTP server, as operators run them.
 */
final class ClusterHarness implements AutoCloseable {
    /** The log every generated log is made from: a cause bisection with a culprit, mailed by default. */
    static final String TEMPLATE = "/corpus/cause-culprit-2025-full-current-format.txt";
    static final String TITLE = "possible deadlock in hfsplus_file_extend";
    static final String REDIRECT = "maintainers@culprit.test";

    final Path root;
    final Path spool;
    final String jdbcUrl;
    private final GreenMailExtension greenMail;
    private final List<Node> nodes = new ArrayList<>();

    /** One running instance. */
    record Node(String name, Process process, Path stderr) {
        String log() {
            try {
                return Files.readString(stderr, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    ClusterHarness(Path root, EmbeddedDb pg, GreenMailExtension greenMail) throws IOException {
        this.root = root;
        this.spool = Files.createDirectories(root.resolve("spool"));
        this.jdbcUrl = pg.newDatabase();
        this.greenMail = greenMail;
    }

    /** Writes the configuration of one instance; {@code cluster} false makes a stand-alone one. */
    Path config(String name, boolean cluster, Duration lease) throws IOException {
        String yaml = """
                spool:
                  dir: %s
                state:
                  dir: %s
                  jdbc-url: %s
                  username: %s
                  lease: %s
                  cluster: %s
                smtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                delivery:
                  batch-size: 20
                  hourly-cap: 1000000
                  daily-cap-per-person: 1000000
                  initial-backoff: PT1S
                  max-backoff: PT5S
                schedule:
                  scan-interval: PT1S
                  deliver-interval: PT1S
                recipients:
                  redirect-to: %s
                message:
                  from: culprit <culprit@culprit.test>
                assess:
                  mail-threshold: 0.0
                """.formatted(spool, root.resolve("state-" + name), jdbcUrl, EmbeddedDb.USER, lease, cluster,
                greenMail.getSmtp().getPort(), REDIRECT);
        Path file = root.resolve(name + ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** Starts {@code culprit run} in a new JVM and waits until it runs. */
    Node start(String name, Path config) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx192m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("run");
        cmd.add("--config");
        cmd.add(config.toString());
        Path err = root.resolve(name + ".stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(root.resolve(name + ".stdout").toFile())
                .redirectError(err.toFile());
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().remove("INVOCATION_ID");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("CULPRIT_LOG_FORMAT", "plain");
        Node n = new Node(name, pb.start(), err);
        nodes.add(n);
        return n;
    }

    /** Waits until every node logged that it runs; fails with a node's log when one exited. */
    void awaitRunning(List<Node> these) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (Node n : these) {
                if (!n.process().isAlive()) {
                    throw new AssertionError(n.name() + " exited with " + n.process().exitValue() + ":\n" + n.log());
                }
            }
            return these.stream().allMatch(n -> n.log().contains("culprit running"));
        });
    }

    /** Writes {@code count} logs, each with its own result, into the spool the way a producer does: elsewhere, then renamed into inbox/. */
    List<String> dropLogs(int count) throws IOException {
        String template;
        try (InputStream in = ClusterHarness.class.getResourceAsStream(TEMPLATE)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path staging = Files.createDirectories(spool.resolve("staging"));
        Path inbox = Files.createDirectories(spool.resolve("inbox"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("log-%04d.txt", i);
            Path tmp = staging.resolve(name);
            Files.writeString(tmp, variant(template, i), StandardCharsets.UTF_8);
            Files.move(tmp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            names.add(name);
        }
        return names;
    }

    /** The template with its crash title made unique, so that each log is a result of its own. */
    static String variant(String template, int i) {
        return template.replace(TITLE, TITLE + "_" + i);
    }

    /** Received mails per Message-ID. */
    Map<String, Integer> receivedByMessageId() {
        Map<String, Integer> out = new TreeMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                out.merge(m.getMessageID(), 1, Integer::sum);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    int received() {
        return greenMail.getReceivedMessages().length;
    }

    /** The node whose delivery job is running now, by the pid in its Quartz instance id. */
    Optional<Node> delivering() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedDb.USER, null);
                PreparedStatement ps = c.prepareStatement(
                        "select instance_name from qrtz_fired_triggers where job_name = 'outbox-deliver' and state = 'EXECUTING'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long pid = Long.parseLong(rs.getString(1).split(":")[1]);
                Optional<Node> n = nodes.stream().filter(x -> x.process().isAlive() && x.process().pid() == pid).findFirst();
                if (n.isPresent()) {
                    return n;
                }
            }
        }
        return Optional.empty();
    }

    /** When a node's log says it sent a mail (the plain log format's local timestamps). */
    static List<Instant> sentAt(String log) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        List<Instant> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains(": sent to ") && line.length() > 23) {
                out.add(LocalDateTime.parse(line.substring(0, 23), f).atZone(ZoneId.systemDefault()).toInstant());
            }
        }
        return out;
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedDb.USER, null);
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long files(String folder) throws IOException {
        try (Stream<Path> s = Files.list(spool.resolve(folder))) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".json")).count();
        }
    }

    /** What is left in inbox/, work/ and failed/ (sidecars not counted), for a failure message. */
    List<String> leftovers() throws IOException {
        List<String> out = new ArrayList<>();
        for (String folder : List.of("inbox", "work", "failed")) {
            try (Stream<Path> s = Files.list(spool.resolve(folder))) {
                s.filter(p -> !p.getFileName().toString().endsWith(".json")).map(p -> folder + "/" + p.getFileName()).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Each node's log, for a failure message. */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) {
            String log = n.log();
            b.append("\n--- ").append(n.name()).append(" ---\n").append(log.length() > 6000 ? log.substring(log.length() - 6000) : log);
        }
        return b.toString();
    }

    /** Stops every node still running: SIGTERM, then SIGKILL for one that does not stop. */
    @Override
    public void close() throws InterruptedException {
        for (Node n : nodes) {
            n.process().destroy();
        }
        for (Node n : nodes) {
            if (!n.process().waitFor(2, TimeUnit.MINUTES)) {
                n.process().destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            }
        }
    }
}

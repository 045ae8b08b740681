package dev.culprit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.cli.Main;
import dev.culprit.config.ConfigLoader;
import dev.culprit.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store filled the way production fills it, then served: logs dropped into a spool, one
 * {@code culprit once} in this JVM delivering to GreenMail on loopback (the real parser, assessment,
 * outbox and delivery on an H2 file store), then {@code culprit run} in a JVM of its own with the
 * HTTP endpoint on a dynamic loopback port. Read the store with {@link #withStore} before
 * {@link #serve}: the running service holds it.
 */
public final class ServedStore implements AutoCloseable {
    /** Corpus logs of every outcome, one of them held by the gate (a merge commit blamed). */
    public static final List<String> CORPUS = List.of(
            "cause-culprit-2020-cc-real-seed", "cause-culprit-2022-kconfig-minimization",
            "cause-culprit-2025-full-current-format", "fix-culprit-2025-revision-had-bug-checks",
            "cause-culprit-2021-merge-commit", "cause-inconclusive-2021-skipped", "cause-oldest-release-2019",
            "fix-still-happens-2020-commit-msg", "error-not-reproduced-2019", "error-infra-2023-06",
            "truncated-end-2025");
    /** A log whose crash title is 10,000 characters of markup, template syntax and control characters. */
    public static final String HOSTILE = "/browser/hostile-title.log";
    private static final Pattern ENDPOINT = Pattern.compile(" on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern SCANNED = Pattern.compile("(?m)^culprit_scan_last_completed_timestamp_seconds \\d");

    private final Path dir;
    private final Path config;
    private final GreenMail greenMail;
    private Process process;
    private int port;

    private ServedStore(Path dir, Path config, GreenMail greenMail) {
        this.dir = dir;
        this.config = config;
        this.greenMail = greenMail;
    }

    /** A log from the test class path by its resource path, to drop under {@code name}. */
    public record Log(String name, String text) {
        public static Log resource(String name, String resource) throws IOException {
            try (InputStream in = ServedStore.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no test resource " + resource);
                }
                return new Log(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        /** {@code src/test/resources/corpus/NAME.txt}, dropped as {@code NAME.log}. */
        public static Log corpus(String name) throws IOException {
            return resource(name + ".log", "/corpus/" + name + ".txt");
        }
    }

    /** {@link #CORPUS} and the {@link #HOSTILE} log, as dropped into the spool. */
    public static List<Log> sampleLogs() throws IOException {
        List<Log> logs = new ArrayList<>();
        for (String name : CORPUS) {
            logs.add(Log.corpus(name));
        }
        logs.add(Log.resource("hostile-title.log", HOSTILE));
        return logs;
    }

    /**
     * Drops the logs and runs {@code culprit once} over them.
     *
     * @param metrics the lines of the {@code metrics} section beyond {@code enabled} and {@code port}
     */
    public static ServedStore fill(Path dir, List<Log> logs, String metrics) throws IOException {
        GreenMail greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
        Path spool = dir.resolve("spool");
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, """
                spool:
                  dir: %s
                  settle: PT0S
                state:
                  dir: %s
                smtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  ehlo-name: bot.culprit.test
                message:
                  from: culprit@bot.culprit.test
                  message-id-domain: bot.culprit.test
                schedule:
                  scan-interval: PT5M
                  deliver-interval: PT5M
                  watch: false
                metrics:
                  enabled: true
                  port: 0
                %s""".formatted(spool, dir.resolve("state"), greenMail.getSmtp().getPort(), metrics.indent(2)));
        ServedStore store = new ServedStore(dir, config, greenMail);
        try {
            Files.createDirectories(spool.resolve("inbox"));
            for (Log log : logs) {
                TestLogs.drop(spool, log.name(), log.text());
            }
            CliRun once = CliRun.withConfig(config, "once");
            assertThat(once.code()).as("culprit once:\n" + once.err()).isZero();
        } catch (IOException | RuntimeException | AssertionError e) {
            store.close();
            throw e;
        }
        return store;
    }

    public Path config() {
        return config;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** What the store holds, read through culprit's own store classes; only before {@link #serve}. */
    public <T> T withStore(StoreWork<T> work) throws Exception {
        if (process != null) {
            throw new IllegalStateException("the store is held by the running service");
        }
        try (Database db = Database.open(new ConfigLoader().load(config).state(), null)) {
            return work.apply(db);
        }
    }

    @FunctionalInterface
    public interface StoreWork<T> {
        T apply(Database db) throws Exception;
    }

    /** Starts {@code culprit run} on the filled store and waits until its HTTP endpoint listens. */
    public ServedStore serve() throws IOException {
        Path stderr = dir.resolve("run-stderr.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("run-stdout.txt").toFile())
                .redirectError(stderr.toFile());
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().remove("INVOCATION_ID");
        process = pb.start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(process.isAlive()).as("culprit run exited early:\n" + err).isTrue();
            Matcher m = ENDPOINT.matcher(err);
            port = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return port != 0;
        });
        // ready once the first scan has finished: the jobs are scheduled and the gauges read the store
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(process.isAlive()).as("culprit run exited early:\n" + Files.readString(stderr)).isTrue();
            String metrics = http.send(HttpRequest.newBuilder(URI.create(url("/metrics"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return SCANNED.matcher(metrics).find();
        });
        return this;
    }

    /** The served address of a path: {@code http://127.0.0.1:PORT/PATH}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        try {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            greenMail.stop();
        }
    }
}

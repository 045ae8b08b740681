package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code culprit run} in its own JVM, watched through the metrics endpoint and stopped with SIGTERM. */
class RunServiceIT {
    private static final Pattern ENDPOINT = Pattern.compile("metrics and health on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    private Process process;
    private Path stderr;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        Path spool = dir.resolve("spool");
        for (String d : List.of("inbox", "work", "done", "failed")) {
            Files.createDirectories(spool.resolve(d));
        }
        Files.writeString(spool.resolve("inbox/4711.log"), "not a bisection log\n");
        Path config = Files.writeString(dir.resolve("culprit.yaml"), """
                spool:
                  dir: %s
                  settle: PT0S
                state:
                  dir: %s
                smtp:
                  host: 127.0.0.1
                  security: none
                schedule:
                  scan-interval: PT1S
                  deliver-interval: PT1S
                  watch: false
                metrics:
                  enabled: true
                  port: 0
                  pages: true
                watchdog:
                  stall-timeout: PT1M
                retention:
                  days: 30
                """.formatted(spool, dir.resolve("state")));
        stderr = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), RunWithRejectingProcessor.class.getName(),
                "--config", config.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile());
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().remove("INVOCATION_ID");
        process = pb.start();
    }

    @AfterEach
    void stop() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Result(int code, String out, String err) {}

    private static Result culprit(String... args) {
        picocli.CommandLine cl = Main.newCommandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void servesMetricsAndHealthWhileRunningAndStopsCleanlyOnSigterm() throws Exception {
        int[] port = {0};
        await().atMost(Duration.ofMinutes(3)).until(() -> {
            assertThat(process.isAlive()).as("culprit run exited early:\n" + stderr()).isTrue();
            Matcher m = ENDPOINT.matcher(stderr());
            if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
            }
            return port[0] != 0;
        });

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(get(port[0], "/metrics").body())
                .contains("culprit_logs_ingested_total{outcome=\"failed\"} 1.0")
                .contains("culprit_outbox_pending 0.0")
                .containsPattern("culprit_scan_last_completed_timestamp_seconds \\d\\.\\d+E9"));
        assertThat(dir.resolve("spool/failed/4711.log")).exists();

        // the operator's commands share the embedded store with the running service; a second service does not
        Path configFile = dir.resolve("culprit.yaml");
        Result status = culprit("status", "--config", configFile.toString());
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("pending");
        Result held = culprit("held", "--config", configFile.toString());
        assertThat(held.code()).as(held.err()).isZero();
        Result second = culprit("once", "--config", configFile.toString());
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("another culprit service (run or once) is using " + dir.resolve("state"));

        HttpResponse<String> health = get(port[0], "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("ok: last progress ");
        assertThat(stderr()).contains("watchdog: the process exits when the scheduler makes no progress for 60s");
        HttpResponse<String> page = get(port[0], "/");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(page.body()).selectFirst("#runs").text()).containsPattern("scan finished \\d{4}-");
        assertThat(get(port[0], "/held").statusCode()).isEqualTo(200);

        process.destroy();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("SIGTERM; the unit's SuccessExitStatus=143").isEqualTo(143);
        assertThat(stderr()).contains("stopped");
    }
}

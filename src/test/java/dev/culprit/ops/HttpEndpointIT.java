package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointIT {
    private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, "last progress 3s ago: scan finished"));
    private Metrics metrics;
    private HttpEndpoint endpoint;
    private final HttpClient client = HttpClient.newHttpClient();
    /** Opens the pages {@link #serveStuckPages} serves. */
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counts the pages {@link #serveStuckPages} serves as they start, down from the two page threads. */
    private final CountDownLatch entered = new CountDownLatch(2);

    @BeforeEach
    void start() throws IOException {
        metrics = new Metrics(() -> new Metrics.OutboxSnapshot(2, java.time.Duration.ofMinutes(5)));
        endpoint = HttpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics, health::get);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + path);
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPrometheusMetrics() throws Exception {
        metrics.logIngested("culprit");
        metrics.mailHeld("merge-commit");
        metrics.scanCompleted(Instant.ofEpochSecond(1_750_000_000L));

        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(HttpEndpoint.PROMETHEUS_TEXT);
        assertThat(r.body())
                .contains("# TYPE culprit_logs_ingested_total counter")
                .contains("culprit_logs_ingested_total{outcome=\"culprit\"} 1.0")
                .contains("culprit_mails_held_total{reason=\"merge-commit\"} 1.0")
                .contains("culprit_outbox_pending 2.0")
                .contains("culprit_outbox_oldest_age_seconds 300.0")
                .contains("culprit_scan_last_completed_timestamp_seconds 1.75E9");
    }

    @Test
    void healthAnswers200WhileProgressingAnd503OnceStalled() throws Exception {
        HttpResponse<String> ok = get("/health");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("ok: last progress 3s ago: scan finished\n");

        health.set(new Health(false, "last progress 900s ago: scan started (stall timeout 900s)"));
        HttpResponse<String> stalled = get("/health");
        assertThat(stalled.statusCode()).isEqualTo(503);
        assertThat(stalled.body()).isEqualTo("stalled: last progress 900s ago: scan started (stall timeout 900s)\n");
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() throws Exception {
        assertThat(get("/admin").statusCode()).isEqualTo(404);
        URI uri = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + "/metrics");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void listensOnLoopbackOnlyWhenAskedFor() {
        assertThat(endpoint.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void aTakenPortIsReportedWithTheConfigKeys() throws IOException {
        try {
            HttpEndpoint.start(endpoint.address(), metrics, health::get).close();
            org.assertj.core.api.Assertions.fail("bound the same port twice");
        } catch (IOException e) {
            assertThat(e.getMessage()).startsWith("cannot listen on 127.0.0.1:" + endpoint.address().getPort()
                    + " for metrics (metrics.bind, metrics.port): ");
        }
    }

    /** Pages that each wait until {@link #release} opens, counting down {@link #entered} as they start; then answer 204. */
    private void serveStuckPages() {
        endpoint.servePages(exchange -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
        });
    }

    /** {@code n} requests for a page, sent at once. */
    private List<CompletableFuture<HttpResponse<String>>> pageRequests(int n) {
        URI page = URI.create("http://127.0.0.1:" + endpoint.address().getPort() + "/");
        return IntStream.range(0, n).mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString())).toList();
    }

    @Test
    void aSlowPageNeverDelaysHealth() throws Exception {
        serveStuckPages();
        var slow = pageRequests(3);
        assertThat(entered.await(1, TimeUnit.MINUTES)).as("both page threads busy").isTrue();

        HttpResponse<String> r = get("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(slow).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (var f : slow) {
            assertThat(f.get().statusCode()).isEqualTo(204);
        }
    }

    @Test
    void aPageRequestBeyondTheQueueIsRefusedAtOnceWhileHealthAnswers() throws Exception {
        serveStuckPages();
        var busy = pageRequests(2);
        assertThat(entered.await(1, TimeUnit.MINUTES)).as("both page threads busy").isTrue();
        var more = pageRequests(HttpEndpoint.PAGE_QUEUE + 1);

        CompletableFuture.anyOf(more.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);

        List<HttpResponse<String>> refused = more.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
        assertThat(refused).as("the one request beyond the queue").hasSize(1);
        assertThat(refused.get(0).statusCode()).isEqualTo(503);
        assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValue(HttpEndpoint.RETRY_AFTER);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
        assertThat(busy).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (var f : busy) {
            assertThat(f.get().statusCode()).isEqualTo(204);
        }
        assertThat(more.stream().filter(f -> f.join().statusCode() == 204)).hasSize(HttpEndpoint.PAGE_QUEUE);
    }
}

package dev.culprit.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional HTTP endpoint: {@code GET /metrics} (Prometheus text format) and
 * {@code GET /health} (200 when the scan loop makes progress, 503 when it has stalled). Served by
 * the JDK's HTTP server on one thread; it accepts no input.
 *
 * <p>Once {@link #servePages} hands it a handler, every other path goes to that handler (the
 * status pages), run on an executor of its own: a slow page never delays {@code /health}. That
 * executor's queue is bounded ({@link #PAGE_QUEUE}): a page request beyond it is answered 503 with
 * {@code Retry-After} instead of waiting without limit.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ExecutorService pagesExecutor;
    private final AtomicReference<HttpHandler> pages;

    private HttpEndpoint(HttpServer server, ExecutorService executor, ExecutorService pagesExecutor,
            AtomicReference<HttpHandler> pages) {
        this.server = server;
        this.executor = executor;
        this.pagesExecutor = pagesExecutor;
        this.pages = pages;
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen; port 0 picks a free port (see {@link #address()})
     * @throws IOException when the address cannot be bound; the message names it
     */
    public static HttpEndpoint start(InetSocketAddress address, Metrics metrics, Supplier<Health> health) throws IOException {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + " for metrics (metrics.bind, metrics.port): " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(daemon("culprit-http"));
        ExecutorService pagesExecutor = new ThreadPoolExecutor(PAGE_THREADS, PAGE_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(PAGE_QUEUE), daemon("culprit-pages"));
        AtomicReference<HttpHandler> pages = new AtomicReference<>();
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            HttpHandler page = pages.get();
            if (page != null && !OWN_PATHS.contains(exchange.getRequestURI().getPath())) {
                handOver(exchange, page, pagesExecutor);
                return;
            }
            try (exchange) {
                handle(exchange, metrics, health);
            } catch (RuntimeException | IOException e) {
                warn(exchange, e);
            }
        });
        server.start();
        HttpEndpoint endpoint = new HttpEndpoint(server, executor, pagesExecutor, pages);
        log.info("metrics and health on http://{}:{}/", endpoint.address().getHostString(), endpoint.address().getPort());
        return endpoint;
    }

    /** The paths this class answers itself, pages or not. */
    private static final Set<String> OWN_PATHS = Set.of("/metrics", "/health");
    /** Pages rendered at the same time at most; more wait in the executor's queue. */
    private static final int PAGE_THREADS = 2;
    /**
     * Page requests that wait for a page thread at most; one more is answered 503 at once. A page
     * takes milliseconds to tens of milliseconds (CONTRIBUTING.md), so a full queue is a flood or
     * a store that does not answer, and letting more wait would only hold more connections.
     */
    static final int PAGE_QUEUE = 8;
    /** Seconds a page request refused for a full queue is told to wait before it asks again. */
    static final String RETRY_AFTER = "2";

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs the page handler on the pages' executor; the exchange is closed there. When the pages'
     * queue is full (or the endpoint is closing) the request is answered 503 with
     * {@code Retry-After} here, at once, without waiting for a page thread.
     */
    private static void handOver(HttpExchange exchange, HttpHandler page, ExecutorService pagesExecutor) {
        try {
            pagesExecutor.execute(() -> {
                try (exchange) {
                    page.handle(exchange);
                } catch (RuntimeException | IOException e) {
                    warn(exchange, e);
                }
            });
        } catch (RejectedExecutionException e) {
            try (exchange) {
                exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER);
                respond(exchange, 503, "text/plain; charset=utf-8", "too many page requests at once; try again in "
                        + RETRY_AFTER + " s\n");
            } catch (RuntimeException | IOException failed) {
                warn(exchange, failed);
            }
        }
    }

    private static void warn(HttpExchange exchange, Exception e) {
        log.warn("http {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
    }

    /**
     * Serves every path but {@code /metrics} and {@code /health} with this handler, on the
     * pages' own threads. The handler checks methods, hosts and passwords itself.
     */
    public void servePages(HttpHandler handler) {
        pages.set(Objects.requireNonNull(handler, "handler"));
    }

    private static void handle(HttpExchange exchange, Metrics metrics, Supplier<Health> health) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed: " + method + "\n");
            return;
        }
        switch (path) {
            case "/metrics" -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
            case "/health" -> {
                Health h = health.get();
                respond(exchange, h.healthy() ? 200 : 503, "text/plain; charset=utf-8",
                        (h.healthy() ? "ok: " : "stalled: ") + h.detail() + "\n");
            }
            default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + " (try /metrics or /health)\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        pagesExecutor.shutdownNow();
    }
}

package dev.culprit.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional HTTP endpoint: {@code GET /metrics} (Prometheus text format) and
 * {@code GET /health} (200 when the scan loop makes progress, 503 when it has stalled). Served by
 * the JDK's HTTP server on one thread; it answers nothing else and accepts no input.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
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
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "culprit-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange, metrics, health);
            } catch (RuntimeException | IOException e) {
                log.warn("http {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
            }
        });
        server.start();
        HttpEndpoint endpoint = new HttpEndpoint(server, executor);
        log.info("metrics and health on http://{}:{}/", endpoint.address().getHostString(), endpoint.address().getPort());
        return endpoint;
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
    }
}

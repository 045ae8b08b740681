package dev.culprit.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.culprit.config.Secrets;
import dev.culprit.ops.MetricsSettings;
import dev.culprit.render.RenderException;
import dev.culprit.render.Renderer;
import dev.culprit.store.LabelHistory;
import dev.culprit.store.ModerationException;
import dev.culprit.store.ResultHistory;
import dev.culprit.store.ResultRecord;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the status pages: GET and HEAD only, the {@code Host} check and the login of
 * {@link PageAccess}, the routes, and the headers every answer carries (a strict
 * Content-Security-Policy: the pages load nothing but their own style sheet and run no script).
 */
public final class StatusPages implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(StatusPages.class);
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    static final String HTML = "text/html; charset=utf-8";
    private static final Pattern RESULT = Pattern.compile("/results/([0-9a-f]{8,64})");

    private final PageAccess access;
    private final PageSources sources;
    private final Renderer renderer;
    private final byte[] css;

    StatusPages(PageAccess access, PageSources sources, Renderer renderer) {
        this.access = Objects.requireNonNull(access, "access");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.css = resource("culprit/pages/style.css");
    }

    /**
     * The pages as {@code metrics} configures them, on the endpoint bound to {@code port}; empty,
     * with the reason logged, when they are off or bound beyond loopback without a password.
     *
     * @throws IllegalStateException when the password file cannot be read; the message names the key
     */
    public static Optional<StatusPages> create(MetricsSettings settings, int port, Secrets secrets, PageSources sources,
            Renderer renderer) {
        if (!settings.enabled() || !settings.pages()) {
            return Optional.empty();
        }
        boolean loopback = PageAccess.isLoopback(settings.bind());
        if (!loopback && settings.passwordFile() == null) {
            log.warn("status pages off: metrics.bind {} is beyond loopback and metrics.password-file is not set"
                    + " (/metrics and /health are served)", settings.bind());
            return Optional.empty();
        }
        String password = loopback ? null : secrets.read("metrics.password", settings.passwordFile(), null);
        if (password != null && password.isEmpty()) {
            throw new IllegalStateException("metrics.password-file: " + secrets.locate(settings.passwordFile()) + " is empty");
        }
        log.info("status pages on http://{}:{}/{}", settings.bind(), port, loopback ? "" : " (HTTP Basic login)");
        return Optional.of(new StatusPages(PageAccess.forBinding(settings.bind(), port, password), sources, renderer));
    }

    /**
     * What {@code check-config} says about the pages' keys: an unreadable or empty password file
     * is an error; pages that would stay off are a warning.
     */
    public static void check(MetricsSettings settings, Secrets secrets, List<String> errors, List<String> warnings) {
        if (settings.pages() && !settings.enabled()) {
            warnings.add("metrics.pages: true has no effect while metrics.enabled is false");
        }
        if (settings.pages() && settings.passwordFile() == null && !PageAccess.isLoopback(settings.bind())) {
            warnings.add("metrics.pages: off, because metrics.bind " + settings.bind()
                    + " is beyond loopback and metrics.password-file is not set");
        }
        if (settings.passwordFile() != null) {
            try {
                String p = secrets.read("metrics.password", settings.passwordFile(), null);
                if (p.isEmpty()) {
                    errors.add("metrics.password-file: " + secrets.locate(settings.passwordFile()) + " is empty");
                }
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain; charset=utf-8", text("method not allowed: " + method + " (the pages are read-only)"));
            return;
        }
        switch (access.decide(exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("Authorization"))) {
            case WRONG_HOST -> respond(exchange, 421, "text/plain; charset=utf-8", text("misdirected request: unknown Host"));
            case LOGIN -> {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"culprit\", charset=\"UTF-8\"");
                respond(exchange, 401, "text/plain; charset=utf-8", text("the status pages need the password (metrics.password-file)"));
            }
            case ALLOW -> route(exchange);
        }
    }

    /** What a page request gets. */
    record Answer(int status, String contentType, byte[] body) {}

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Answer a;
        try {
            a = answer(path, exchange.getRequestURI().getRawQuery());
        } catch (StoreException e) {
            log.warn("status page {}: {}", path, e.getMessage());
            a = plain(503, "the store cannot be read now: " + e.getMessage());
        } catch (RenderException e) {
            log.warn("status page {}: {}", path, e.getMessage());
            a = plain(500, "the page could not be rendered");
        }
        respond(exchange, a.status(), a.contentType(), a.body());
    }

    /** The answer to a GET of this path and query, once the request is allowed. */
    Answer answer(String path, String query) throws StoreException, RenderException {
        Instant now = sources.clock().instant();
        if (path.equals("/style.css")) {
            return new Answer(200, "text/css; charset=utf-8", css);
        }
        if (path.equals("/favicon.ico")) {
            // browsers ask for it on every page; no content, rather than a 404 in their console
            return new Answer(204, "image/x-icon", new byte[0]);
        }
        if (path.equals("/") || path.equals("/held")) {
            return list(path, query, now);
        }
        if (path.equals("/trust")) {
            LabelHistory labels = new LabelHistory(sources.db());
            return page("trust.ftlh", TrustPage.model(labels.mailedTimes(), labels.judged(), sources.minLabelled(), now));
        }
        Matcher result = RESULT.matcher(path);
        Optional<ResultRecord.Details> d = result.matches() ? new ResultRecord(sources.db()).find(result.group(1)) : Optional.empty();
        if (d.isPresent()) {
            return page("result.ftlh", ResultPage.model(d.get(), history(d.get().shortId()), sources.commands(), now));
        }
        return plain(404, "not found: " + PageText.cell(path) + " (the pages: /, /held, /trust, /results/KEY; and /metrics, /health)");
    }

    /** The result's history, or empty when the store cannot tell it (the page leaves the section out). */
    private Optional<ResultHistory.History> history(String shortId) throws StoreException {
        try {
            return Optional.of(new ResultHistory(sources.db()).of(shortId));
        } catch (ModerationException e) {
            return Optional.empty();
        }
    }

    /**
     * A page of a list paged by row ({@link Keyset}): the results, newest first ({@code /?before=ROW}),
     * or the held results, oldest first ({@code /held?after=ROW}).
     */
    private Answer list(String path, String query, Instant now) throws StoreException, RenderException {
        boolean held = path.equals("/held");
        String parameter = held ? "after" : "before";
        Optional<Keyset> at = Keyset.of(path, parameter, query);
        if (at.isEmpty()) {
            return plain(400, "bad query: only ?" + parameter + "=ROW is understood");
        }
        return held ? page("held.ftlh", HeldPage.model(HeldPage.read(sources, at.get()), sources.commands(), now))
                : page("index.ftlh", OverviewPage.model(OverviewPage.read(sources, at.get()), now));
    }

    private Answer page(String template, Map<String, Object> model) throws RenderException {
        return new Answer(200, HTML, renderer.renderPage(template, model).getBytes(StandardCharsets.UTF_8));
    }

    private static Answer plain(int status, String s) {
        return new Answer(status, "text/plain; charset=utf-8", text(s));
    }

    private static byte[] text(String s) {
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Cache-Control", "no-store");
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || status == 204 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = StatusPages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar: " + e.getMessage(), e);
        }
    }
}

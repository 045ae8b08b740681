package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.mail.KillSwitch;
import dev.culprit.model.Label;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import dev.culprit.ops.Activity;
import dev.culprit.ops.Health;
import dev.culprit.ops.HttpEndpoint;
import dev.culprit.ops.Metrics;
import dev.culprit.render.Renderer;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.spool.SpoolSettings;
import dev.culprit.store.Database;
import dev.culprit.store.Labels;
import dev.culprit.store.Moderation;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxSummary;
import dev.culprit.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status pages over HTTP: the real endpoint on a dynamic loopback port, an H2 store filled with results. */
class StatusPagesIT {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private Database db;
    private Metrics metrics;
    private HttpEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        db = Database.inMemory();
        metrics = new Metrics();
        endpoint = HttpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics,
                () -> new Health(true, "last progress 1s ago"));
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
        metrics.close();
        db.close();
    }

    private void servePages(String password) {
        SpoolDirectory spool = new SpoolDirectory(new SpoolSettings(dir.resolve("spool"), null, null), clock);
        PageSources sources = new PageSources(db, clock, new KillSwitch(false, dir), spool,
                () -> new Activity(clock).snapshot(), 20, null);
        endpoint.servePages(new StatusPages(PageAccess.forBinding("127.0.0.1", port(), password), sources,
                new Renderer(Renderer.bundledLoader())));
    }

    private int port() {
        return endpoint.address().getPort();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOverviewReadAsTextShowsTheStoresOutboxCounts() throws Exception {
        PageStore.fill(db, clock, 30);
        servePages(null);

        HttpResponse<String> r = get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        OutboxSummary s = new Outbox(db, clock).status().summary();
        Document page = Jsoup.parse(r.body());
        for (OutboxState st : OutboxState.values()) {
            Element row = page.select("#outbox tbody tr").stream().filter(e -> e.selectFirst("th").text().equals(st.id()))
                    .findFirst().orElseThrow();
            assertThat(row.selectFirst("td").text()).as(st.id()).isEqualTo(Long.toString(s.count(st)));
        }
        assertThat(s.count(OutboxState.HELD)).isEqualTo(10);
        assertThat(page.text()).contains("Delivery not paused").contains("30 result(s) in the store");
    }

    @Test
    void everyAnswerCarriesTheStrictHeaders() throws Exception {
        servePages(null);

        HttpResponse<String> r = get("/");

        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(StatusPages.CSP);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/style.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(r.body()).doesNotContain("<script").doesNotContain(" style=");
    }

    @Test
    void answersOnlyGetAndHead() throws Exception {
        servePages(null);

        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.ofString("x")));
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/?before=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void metricsAndHealthStayAsTheyWere() throws Exception {
        servePages("secret");

        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/health").body()).isEqualTo("ok: last progress 1s ago\n");
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutPagesTheEndpointAnswersOnlyMetricsAndHealth() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/held").statusCode()).isEqualTo(404);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordIsAskedForWithBasicAuthentication() throws Exception {
        servePages("correct horse");

        HttpResponse<String> none = get("/");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/")).header("Authorization", basic("culprit", "wrong")));
        HttpResponse<String> right = send(HttpRequest.newBuilder(uri("/")).header("Authorization", basic("anyone", "correct horse")));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"culprit\", charset=\"UTF-8\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestForAnotherHostIsRefused() throws Exception {
        servePages(null);

        assertThat(rawStatus("evil.example:" + port())).isEqualTo(421);
        assertThat(rawStatus("127.0.0.1:" + (port() + 1))).isEqualTo(421);
        assertThat(rawStatus("localhost:" + port())).isEqualTo(200);
        assertThat(rawStatus("127.0.0.1:" + port())).isEqualTo(200);
    }

    /** The status of a GET of / with this Host header, over a plain socket (HttpClient sets Host itself). */
    private int rawStatus(String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void aHostileTitleIsShownAsInertTextOnEveryPage() throws Exception {
        var hostile = PageStore.result(1, PageStore.HOSTILE_TITLE, Verdict.MODERATE);
        new Outbox(db, clock).intake().accept(hostile, "hostile.log", "c1");
        servePages(null);

        for (String path : List.of("/", "/held", "/results/" + hostile.key().shortId())) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("\u0007")
                    .doesNotContain("\u001b").contains("&lt;script&gt;alert(1)&lt;/script&gt; ${x} &lt;#if true&gt;yes&lt;/#if&gt;");
            Document page = Jsoup.parse(r.body());
            assertThat(page.select("script, img")).as(path).isEmpty();
            assertThat(page.text()).as(path).contains("<script>alert(1)</script> ${x} <#if true>yes</#if> \uFFFD\uFFFD[31m"
                    + " <img src=x onerror=alert(2)> AAAA");
        }
        String cell = Jsoup.parse(get("/").body()).select("#results tbody td").get(1).text();
        assertThat(cell).hasSizeLessThanOrEqualTo(PageText.CELL);
        assertThat(Jsoup.parse(get("/held").body()).select("h2 .text").text()).as("a held result's heading")
                .hasSizeLessThanOrEqualTo(PageText.HEADING);
        Document result = Jsoup.parse(get("/results/" + hostile.key().shortId()).body());
        assertThat(result.select("#heading").text()).hasSizeLessThanOrEqualTo(PageText.HEADING);
    }

    @Test
    void theResultsArePagedNewestFirst() throws Exception {
        PageStore.fill(db, clock, 120);
        servePages(null);

        Document first = Jsoup.parse(get("/").body());
        String next = first.selectFirst("a[rel=next]").attr("href");
        Document second = Jsoup.parse(get(next).body());
        Document third = Jsoup.parse(get(second.selectFirst("a[rel=next]").attr("href")).body());

        assertThat(titles(first)).hasSize(50).startsWith("general protection fault in thing_120");
        assertThat(titles(second)).hasSize(50).startsWith("general protection fault in thing_70");
        assertThat(titles(third)).hasSize(20).endsWith("general protection fault in thing_1");
        assertThat(third.select("a[rel=next]")).isEmpty();
        assertThat(third.select("a[href=/]").text()).contains("Newest results");
    }

    private static List<String> titles(Document page) {
        return page.select("#results tbody tr").stream().map(tr -> tr.select("td").get(1).text()).toList();
    }

    @Test
    void aResultsPageShowsWhatTheLogSaidItsRecipientsMailsHistoryAndLabels() throws Exception {
        PageStore.fill(db, clock, 3);
        String held = new ResultKey(PageStore.result(3, "t", Verdict.MODERATE).key().value()).shortId();
        new Moderation(db, clock).drop(held, "the reproducer never crashed <b>here</b>");
        new Labels(db).label(held, new Label(Label.Value.WRONG, null, Label.Source.OPERATOR, "bisected into a merge", clock.instant()));
        servePages(null);

        HttpResponse<String> r = get("/results/" + held);

        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.selectFirst("#said").text()).contains("crash title general protection fault in thing_3")
                .contains("culprit title mm: fix number 3");
        assertThat(page.selectFirst("#verdict").text()).contains("Verdict moderate, score 0.90").contains("the reproducer was flaky");
        assertThat(page.selectFirst("#recipients").text()).contains("dev3@example.org").contains("author of the culprit");
        assertThat(page.selectFirst("#mails").text()).contains(PageStore.result(3, "t", Verdict.MODERATE).messageId())
                .contains("dropped");
        assertThat(page.selectFirst("#history").text()).contains("dropped").contains("the reproducer never crashed <b>here</b>")
                .contains("label");
        assertThat(page.select("#history b")).isEmpty();
        assertThat(page.selectFirst("#labels").text()).contains("In force: wrong").contains("bisected into a merge");
        assertThat(page.select("#timeline")).isEmpty();
    }

    @Test
    void aResultStoredBeforeSummariesSaysNotRecordedAndLeavesOutWhatIsNotStored() throws Exception {
        PageStore.fill(db, clock, 1);
        try (var c = db.connection(); var st = c.createStatement()) {
            st.executeUpdate("update result_summary set summary = null, crash_title = null, culprit = null");
        }
        servePages(null);
        String key = PageStore.result(1, "t", Verdict.MAIL).key().shortId();

        Document page = Jsoup.parse(get("/results/" + key).body());

        assertThat(page.selectFirst("#said").text()).contains("Not recorded");
        assertThat(page.select("#verdict, #labels, #timeline, #links")).isEmpty();
        assertThat(page.selectFirst("#mails").text()).contains("pending");
    }

    @Test
    void aKeyThatNamesNoResultIsNotFound() throws Exception {
        PageStore.fill(db, clock, 1);
        servePages(null);

        assertThat(get("/results/0123456789abcdef01234567").statusCode()).isEqualTo(404);
        assertThat(get("/results/not-hex").statusCode()).isEqualTo(404);
        assertThat(get("/results/" + PageStore.result(1, "t", Verdict.MAIL).key().shortId().substring(0, 8)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theHeldPageGivesTheCommandsToReleaseOrDropEachHeldResult() throws Exception {
        PageStore.fill(db, clock, 7);
        servePages(null);

        Document page = Jsoup.parse(get("/held").body());

        assertThat(page.select("section.held")).hasSize(2);
        for (int n : new int[] {3, 6}) {
            String key = PageStore.result(n, "t", Verdict.MODERATE).key().shortId();
            Element held = page.getElementById("held-" + key);
            assertThat(held.select("pre.command").eachText()).containsExactly("culprit release " + key,
                    "culprit drop " + key + " --why 'REASON'");
            assertThat(held.text()).contains("the reproducer was flaky").contains("dev" + n + "@example.org (to)");
            assertThat(held.selectFirst("h2 a").attr("href")).isEqualTo("/results/" + key);
        }
    }

    @Test
    void theHeldPageIsPagedByRowOldestFirstAndListsEachHeldResultOnce() throws Exception {
        PageStore.fill(db, clock, 160);
        servePages(null);
        List<String> expected = IntStream.rangeClosed(1, 160).filter(n -> n % 3 == 0)
                .mapToObj(n -> PageStore.result(n, "t", Verdict.MODERATE).key().shortId()).toList();

        Document first = Jsoup.parse(get("/held").body());
        // a decision between two pages moves no other result from one page to the other
        new Moderation(db, clock).release(expected.get(0));
        HttpResponse<String> r = get(first.selectFirst("a[rel=next]").attr("href"));
        Document second = Jsoup.parse(r.body());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(first.select("section.held")).hasSize(Keyset.PAGE);
        assertThat(first.text()).contains(expected.size() + " result(s) wait for a moderator");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("nav[aria-label=held result pages] a[href=/held]").text()).isEqualTo("Oldest held results");
        List<String> shown = new ArrayList<>();
        for (Document page : List.of(first, second)) {
            for (Element held : page.select("section.held")) {
                String key = held.id().substring("held-".length());
                shown.add(key);
                assertThat(held.select("pre.command").eachText()).as(key).containsExactly("culprit release " + key,
                        "culprit drop " + key + " --why 'REASON'");
            }
        }
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(get("/held?before=1").statusCode()).isEqualTo(400);
    }

    @Test
    void theTrustPageDrawsThePrecisionAndCountsTheGateAgainstTheLabels() throws Exception {
        PageStore.fill(db, clock, 6);
        Outbox outbox = new Outbox(db, clock);
        try (var c = db.connection(); var st = c.createStatement()) {
            st.executeUpdate("update outbox set state = 'sent', sent_at = created_at where verdict = 'mail'");
        }
        Labels labels = new Labels(db);
        String[] keys = new String[7];
        for (int n = 1; n <= 6; n++) {
            keys[n] = PageStore.result(n, "t", Verdict.MAIL).key().shortId();
        }
        labels.label(keys[1], new Label(Label.Value.RIGHT, null, Label.Source.OPERATOR, "fixed", clock.instant()));
        labels.label(keys[2], new Label(Label.Value.WRONG, null, Label.Source.OPERATOR, "not it", clock.instant()));
        labels.label(keys[3], new Label(Label.Value.WRONG, null, Label.Source.OPERATOR, "held and wrong", clock.instant()));
        servePages(null);

        HttpResponse<String> r = get("/trust");

        assertThat(r.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.body());
        assertThat(page.selectFirst("#mailed-right").text()).isEqualTo("1");
        assertThat(page.selectFirst("#mailed-wrong").text()).isEqualTo("1");
        assertThat(page.selectFirst("#held-wrong").text()).isEqualTo("1");
        assertThat(page.selectFirst("#months tbody").text()).isEqualTo("2026-12 4 1 1 50.0 % 50.0 %");
        assertThat(page.select("svg circle")).hasSize(1);
        assertThat(r.body()).doesNotContain("style=").doesNotContain("<script");
        assertThat(outbox.status().summary().count(OutboxState.SENT)).isEqualTo(4);
    }
}

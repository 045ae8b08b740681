package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxStatus;
import dev.culprit.store.OutboxSummary;
import dev.culprit.store.ResultList;
import dev.culprit.testing.BrowserSession;
import dev.culprit.testing.CliRun;
import dev.culprit.testing.ServedStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The status pages in headless Chromium, served by {@code culprit run} from a store that
 * {@code culprit once} filled from corpus logs of every outcome and a log whose crash title is
 * 10,000 characters of markup, FreeMarker syntax and control characters.
 */
class StatusPagesBrowserIT {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static final Pattern HELD_LINE = Pattern.compile("^([0-9a-f]{24})  held ");

    @TempDir
    static Path dir;

    private static ServedStore served;
    private static OutboxSummary outbox;
    private static long results;
    private static ResultList.Row hostile;
    /** The key {@code culprit held} prints for the merge commit the gate held. */
    private static String heldKey;

    @BeforeAll
    static void serve() throws Exception {
        if (!BrowserSession.installed()) {
            return;
        }
        served = ServedStore.fill(dir, ServedStore.sampleLogs(), "pages: true");
        served.withStore(db -> {
            outbox = new OutboxStatus(db, Clock.systemUTC()).summary();
            ResultList list = new ResultList(db);
            results = list.count();
            List<ResultList.Row> rows = list.latest(null, 1000);
            hostile = rows.stream().filter(r -> r.crashTitle() != null && r.crashTitle().contains("window.__pwned=1"))
                    .findFirst().orElseThrow(() -> new AssertionError("no stored result has the hostile title: " + rows));
            return null;
        });
        heldKey = heldKey(CliRun.withConfig(served.config(), "held").out(), "cause-culprit-2021-merge-commit.log");
        // labels for /trust: one right and one wrong among the mailed culprits and among the held ones
        label("WARNING in bpf_check", "right");
        label("KASAN: use-after-free Read in sco_sock_timeout", "wrong");
        label("KMSAN: uninit-value in ax88179_bind", "wrong");
        label("possible deadlock in hfsplus_file_extend", "right");
        served.serve();
    }

    private static void label(String crashTitle, String label) throws Exception {
        String key = served.withStore(db -> new ResultList(db).latest(null, 1000)).stream()
                .filter(r -> crashTitle.equals(r.crashTitle()) && r.culprit() != null).findFirst().orElseThrow().shortId();
        CliRun run = CliRun.withConfig(served.config(), "label", key, label, "--why", "checked by hand");
        assertThat(run.code()).as(run.err()).isZero();
    }

    /** The key of the held result whose log had this name, from {@code culprit held}'s listing. */
    private static String heldKey(String listing, String log) {
        String key = null;
        for (String line : listing.split("\n")) {
            Matcher m = HELD_LINE.matcher(line);
            if (m.find()) {
                key = m.group(1);
            } else if (line.strip().equals("log:      " + log)) {
                return key;
            }
        }
        throw new AssertionError(log + " is not held:\n" + listing);
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void theOverviewShowsTheStoresCounts() throws Exception {
        browser.open(served.url("/"));

        List<WebElement> counts = browser.driver().findElements(By.cssSelector("[id^='count-']"));
        assertThat(counts).as("a count per state").isNotEmpty();
        for (OutboxState state : OutboxState.values()) {
            if (outbox.count(state) > 0) {
                assertThat(browser.driver().findElement(By.id("count-" + state.id())).getText())
                        .as(state.id()).isEqualTo(Long.toString(outbox.count(state)));
            }
        }
        for (WebElement e : counts) {
            String state = e.getAttribute("id").substring("count-".length());
            assertThat(e.getText()).as(state).isEqualTo(Long.toString(outbox.count(OutboxState.of(state))));
        }
        assertThat(outbox.count(OutboxState.HELD)).as("the merge commit held by the gate").isPositive();
        assertThat(outbox.count(OutboxState.SENT)).isPositive();
        assertThat(browser.driver().findElement(By.id("results")).getText())
                .contains(results + " result(s) in the store");
        assertThat(browser.screenshot("overview")).isNotEmptyFile();
    }

    @Test
    void theHostileTitleIsInertTextOnTheOverview() {
        browser.open(served.url("/"));

        WebElement cell = browser.driver().findElement(By.xpath("//td[contains(., 'window.__pwned=1')]"));
        assertInert(cell);
    }

    /**
     * The element's text is the stored title as the pages promise to show it: control characters
     * as U+FFFD, and when cut, a beginning of it followed by an ellipsis. Its markup and template
     * syntax are text, and no script of it ran.
     */
    private static void assertInert(WebElement element) {
        String stored = hostile.crashTitle();
        String shown = (String) browser.script("return arguments[0].textContent;", element);
        String visible = stored.replaceAll("[\\p{Cc}&&[^\\t\\n]]", "\uFFFD");
        if (shown.endsWith("\u2026") && shown.length() < visible.length()) {
            assertThat(visible).startsWith(shown.substring(0, shown.length() - 1));
            assertThat(shown.length()).as("clipped after the hostile parts").isGreaterThan(150);
        } else {
            assertThat(shown).isEqualTo(visible);
        }
        assertThat(shown).contains("<script>window.__pwned=1</script>", "<img src=x onerror=\"window.__pwned=2\">",
                "${7*7}", "<#if true>x</#if>", "control[\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD[31m\uFFFD]");
        assertThat(browser.script("return typeof window.__pwned;")).isEqualTo("undefined");
        assertThat(element.findElements(By.tagName("script"))).isEmpty();
        assertThat(element.findElements(By.tagName("img"))).isEmpty();
        assertThat(stored.toLowerCase(Locale.ROOT)).as("the store holds the raw title").contains("<script>");
    }

    @Test
    void theHeldPageGivesTheExactCommandsForAHeldResult() throws Exception {
        browser.open(served.url("/held"));

        WebElement held = browser.driver().findElement(By.id("held-" + heldKey));
        String config = " --config '" + served.config().toAbsolutePath() + "'";
        assertThat(held.findElements(By.cssSelector("pre.command"))).extracting(WebElement::getText)
                .containsExactly("culprit release " + heldKey + config, "culprit drop " + heldKey + " --why 'REASON'" + config);
        assertThat(held.getText()).contains("ax88179_bind");
        assertThat(browser.screenshot("held")).isNotEmptyFile();
    }

    @Test
    void theHostileTitleIsInertTextOnTheHeldPageAndItsResultPage() throws Exception {
        browser.open(served.url("/held"));
        assertInert(browser.driver().findElement(By.cssSelector("#held-" + hostile.shortId() + " h2 .text")));

        browser.open(served.url("/results/" + hostile.shortId()));
        assertInert(browser.driver().findElement(By.id("heading")));
        assertThat(browser.screenshot("result-hostile")).isNotEmptyFile();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void everyPageIsReachableByLinksFromTheOverviewAndNoneLogsAConsoleError() throws Exception {
        Set<String> reached = crawl("/", 40);

        assertThat(reached).contains("/", "/held", "/trust", "/results/" + hostile.shortId(), "/results/" + heldKey);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.open(served.url("/results/" + heldKey));
        assertThat(browser.screenshot("result-held")).isNotEmptyFile();
    }

    /**
     * Follows the links of each page on this server, breadth first, up to {@code max} pages, and
     * checks that each is an HTML page; returns the paths reached.
     */
    private static Set<String> crawl(String start, int max) {
        String origin = served.url("");
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty() && reached.size() < max) {
            String path = queue.poll();
            if (!reached.add(path)) {
                continue;
            }
            browser.open(origin + path);
            assertThat(browser.script("return document.contentType;")).as(path).isEqualTo("text/html");
            assertThat(browser.driver().findElements(By.tagName("h1"))).as(path).isNotEmpty();
            for (WebElement a : browser.driver().findElements(By.cssSelector("a[href]"))) {
                String href = a.getAttribute("href");
                if (href.startsWith(origin + "/")) {
                    queue.add(href.substring(origin.length()).replaceAll("#.*", ""));
                }
            }
        }
        return reached;
    }

    @Test
    void theTrustPageChartsAndCountsTheLabels() throws Exception {
        browser.open(served.url("/trust"));

        assertThat(List.of("mailed-right", "mailed-wrong", "held-right", "held-wrong"))
                .extracting(id -> browser.driver().findElement(By.id(id)).getText()).containsExactly("1", "1", "1", "1");
        WebElement chart = browser.driver().findElement(By.cssSelector("#chart svg"));
        assertThat(chart.findElements(By.cssSelector("circle"))).as("a point for the month").isNotEmpty();
        assertThat(chart.findElements(By.cssSelector("[style]"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("months")).getText()).contains("50");
        assertThat(browser.screenshot("trust")).isNotEmptyFile();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void healthAndMetricsAnswerAsBefore() throws Exception {
        browser.open(served.url("/health"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).startsWith("ok: last progress ");
        assertThat(browser.screenshot("health")).isNotEmptyFile();

        browser.open(served.url("/metrics"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains("culprit_outbox_pending " + outbox.count(OutboxState.PENDING) + ".0");
    }
}

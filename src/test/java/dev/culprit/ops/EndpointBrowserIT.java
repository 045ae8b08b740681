package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxStatus;
import dev.culprit.store.OutboxSummary;
import dev.culprit.testing.BrowserSession;
import dev.culprit.testing.ServedStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** {@code /health} and {@code /metrics} of a running service, in headless Chromium. */
class EndpointBrowserIT {
    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @TempDir
    static Path dir;

    private static ServedStore served;
    private static OutboxSummary stored;

    @BeforeAll
    static void serve() throws Exception {
        if (!BrowserSession.installed()) {
            return;
        }
        served = ServedStore.fill(dir, ServedStore.sampleLogs(), "");
        stored = served.withStore(db -> new OutboxStatus(db, Clock.systemUTC()).summary());
        served.serve();
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void healthSaysOkInTheBrowser() throws Exception {
        browser.open(served.url("/health"));

        assertThat(browser.driver().findElement(By.tagName("body")).getText()).startsWith("ok: last progress ");
        assertThat(browser.screenshot("health")).isNotEmptyFile();
    }

    @Test
    void metricsShowTheStoresPendingAndHeldMails() throws Exception {
        browser.open(served.url("/metrics"));

        String text = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(stored.count(OutboxState.HELD)).as("the gate held a corpus log").isPositive();
        assertThat(text).contains("culprit_outbox_pending " + stored.count(OutboxState.PENDING) + ".0");
        assertThat(browser.screenshot("metrics")).isNotEmptyFile();
    }

    @Test
    void theConsoleShowsNoErrorButTheMissingIcon() {
        browser.open(served.url("/health"));
        browser.open(served.url("/metrics"));

        // plain text names no icon, so the browser asks for /favicon.ico, which these answers leave a 404
        assertThat(browser.consoleErrors()).allSatisfy(e -> assertThat(e).contains("/favicon.ico - Failed to load resource"));
    }
}

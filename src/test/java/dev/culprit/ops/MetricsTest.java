package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private final AtomicReference<Metrics.OutboxSnapshot> outbox = new AtomicReference<>(Metrics.OutboxSnapshot.EMPTY);

    @Test
    void countsLogsMailsAndSmtpErrorsByLabel() {
        try (Metrics m = new Metrics(outbox::get)) {
            m.logIngested("culprit");
            m.logIngested("culprit");
            m.logIngested("failed");
            m.mailSent();
            m.mailFailed("permanent");
            m.mailHeld("flaky-reproducer");
            m.smtpError("transient");
            m.smtpError("transient");
            String text = m.scrape();
            assertThat(text)
                    .contains("culprit_logs_ingested_total{outcome=\"culprit\"} 2.0")
                    .contains("culprit_logs_ingested_total{outcome=\"failed\"} 1.0")
                    .contains("culprit_mails_sent_total 1.0")
                    .contains("culprit_mails_failed_total{reason=\"permanent\"} 1.0")
                    .contains("culprit_mails_held_total{reason=\"flaky-reproducer\"} 1.0")
                    .contains("culprit_smtp_errors_total{class=\"transient\"} 2.0");
        }
    }

    @Test
    void readsOutboxFiguresOnEveryScrape() {
        try (Metrics m = new Metrics(outbox::get)) {
            assertThat(m.scrape()).contains("culprit_outbox_pending 0.0", "culprit_outbox_oldest_age_seconds 0.0");
            outbox.set(new Metrics.OutboxSnapshot(7, Duration.ofSeconds(90)));
            assertThat(m.scrape()).contains("culprit_outbox_pending 7.0", "culprit_outbox_oldest_age_seconds 90.0");
        }
    }

    @Test
    void lastScanTimeIsNaNUntilTheFirstScanCompletes() {
        try (Metrics m = new Metrics(outbox::get)) {
            assertThat(m.scrape()).contains("culprit_scan_last_completed_timestamp_seconds NaN");
            m.scanCompleted(Instant.ofEpochSecond(1_700_000_000L));
            assertThat(m.scrape()).contains("culprit_scan_last_completed_timestamp_seconds 1.7E9");
        }
    }

    @Test
    void blankLabelValuesBecomeUnknown() {
        try (Metrics m = new Metrics(outbox::get)) {
            m.mailFailed(" ");
            assertThat(m.scrape()).contains("culprit_mails_failed_total{reason=\"unknown\"} 1.0");
        }
    }

    @Test
    void exposesJvmMemory() {
        try (Metrics m = new Metrics(outbox::get)) {
            assertThat(m.scrape()).contains("jvm_memory_used_bytes");
        }
    }
}

package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    private final AtomicLong now = new AtomicLong();
    private final Watchdog watchdog = new Watchdog(Duration.ofMinutes(5), now::get, (s, r) -> {});
    private final Metrics metrics = new Metrics(() -> Metrics.OutboxSnapshot.EMPTY);
    private final Telemetry telemetry = new Telemetry(metrics, watchdog);

    @Test
    void everyEventIsProgressNamedInHealth() {
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        telemetry.logProcessed("inbox/4711.log", "culprit");
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(watchdog.health()).isEqualTo(new Health(true, "last progress 240s ago: log processed: inbox/4711.log"));
        telemetry.mailSent("3f2a9c");
        assertThat(watchdog.health().detail()).isEqualTo("last progress 0ms ago: mail sent: 3f2a9c");
    }

    @Test
    void eventsAreCounted() {
        telemetry.scanFinished(Instant.ofEpochSecond(1_800_000_000L));
        telemetry.logProcessed("inbox/1.log", "fix");
        telemetry.mailHeld("k1", "equal-signatures");
        telemetry.mailFailed("k2", "permanent");
        telemetry.smtpError("connect");
        assertThat(metrics.scrape())
                .contains("culprit_scan_last_completed_timestamp_seconds 1.8E9")
                .contains("culprit_logs_ingested_total{outcome=\"fix\"} 1.0")
                .contains("culprit_mails_held_total{reason=\"equal-signatures\"} 1.0")
                .contains("culprit_mails_failed_total{reason=\"permanent\"} 1.0")
                .contains("culprit_smtp_errors_total{class=\"connect\"} 1.0");
    }

    @Test
    void repliesAreCounted() {
        telemetry.replyReceived();
        telemetry.replyReceived();
        telemetry.replyCommand("wrong", "applied");
        telemetry.replyCommand("wrong", "applied");
        telemetry.replyCommand("release", "refused");
        telemetry.replyAnswered();
        telemetry.replyRefused("unauthenticated");
        telemetry.replyFailed("malformed");
        assertThat(metrics.scrape())
                .contains("culprit_replies_received_total 2.0")
                .containsPattern("culprit_replies_commands_total\\{command=\"wrong\",outcome=\"applied\",?\\} 2.0")
                .containsPattern("culprit_replies_commands_total\\{command=\"release\",outcome=\"refused\",?\\} 1.0")
                .contains("culprit_replies_answers_total 1.0")
                .contains("culprit_replies_refused_total{reason=\"unauthenticated\"} 1.0")
                .contains("culprit_replies_failed_total{reason=\"malformed\"} 1.0");
    }
}

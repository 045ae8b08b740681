package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.ops.Activity;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.store.DeliveryErrors;
import dev.culprit.store.LabelHistory;
import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxSummary;
import dev.culprit.store.ResultList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The page models, built from values without a store or HTTP. */
class PageModelTest {
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private static ResultList.Row row(long id) {
        return new ResultList.Row(id, "0123456789abcdef0123456" + (id % 10), NOW.minusSeconds(id), "[culprit] subject " + id,
                id % 2 == 0 ? null : "crash " + id, "abc123 fix", "mail", OutboxState.SENT, List.of("a@example.org", "b@example.org"));
    }

    private static OverviewPage.Facts facts(List<ResultList.Row> rows, Long before) {
        return new OverviewPage.Facts(new OutboxSummary(Map.of(OutboxState.SENT, 7L, OutboxState.HELD, 2L),
                Optional.of(NOW.minusSeconds(600)), Optional.empty()), Optional.of("the file /var/lib/culprit/paused exists"),
                "/var/spool/culprit", Optional.of(new SpoolDirectory.Counts(1, 0, 40, 2)),
                new Activity.Snapshot(NOW.minusSeconds(5), NOW.minusSeconds(4), null, null, List.of()),
                List.of(new DeliveryErrors.Failure("0123456789abcdef01234567", OutboxState.PENDING, 2, NOW, "451 4.7.1 try later")),
                rows, 1234, before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewShowsEveryStateThePauseAndTheFirstPage() {
        List<ResultList.Row> rows = new ArrayList<>(IntStream.rangeClosed(1, OverviewPage.PAGE + 1).mapToObj(i -> row(i)).toList());

        Map<String, Object> m = OverviewPage.model(facts(rows, null), NOW);

        assertThat((List<Map<String, Object>>) m.get("outbox")).hasSize(OutboxState.values().length)
                .contains(Map.of("state", "sent", "count", 7L), Map.of("state", "pending", "count", 0L));
        assertThat(m.get("paused")).isEqualTo("the file /var/lib/culprit/paused exists");
        assertThat(m.get("oldestPending")).isEqualTo(Map.of("time", "2026-12-07 01:50:00 UTC", "age", "10 min"));
        assertThat((List<?>) m.get("results")).hasSize(OverviewPage.PAGE);
        assertThat(m.get("next")).isEqualTo("/?before=" + OverviewPage.PAGE);
        assertThat(m).doesNotContainKey("first");
        Map<String, Object> second = ((List<Map<String, Object>>) m.get("results")).get(1);
        assertThat(second).containsEntry("title", "[culprit] subject 2").containsEntry("recipients", "a@example.org, b@example.org");
    }

    @Test
    void theLastPageHasNoNextLinkButOneToTheNewest() {
        Map<String, Object> m = OverviewPage.model(facts(List.of(row(3), row(2)), 4L), NOW);

        assertThat(m).doesNotContainKey("next").containsEntry("first", "/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrustPageCountsPerMonthAndCumulatively() {
        Instant nov = Instant.parse("2026-11-10T00:00:00Z");
        Instant dec = Instant.parse("2026-12-01T00:00:00Z");
        List<Instant> mailed = List.of(nov, nov, dec, dec, dec);
        List<LabelHistory.Judged> judged = List.of(new LabelHistory.Judged("mail", nov, true),
                new LabelHistory.Judged("mail", dec, false), new LabelHistory.Judged("mail", dec, true),
                new LabelHistory.Judged("moderate", null, false));

        Map<String, Object> m = TrustPage.model(mailed, judged, 20, NOW);

        assertThat((List<Map<String, Object>>) m.get("months")).containsExactly(
                Map.of("month", "2026-11", "mailed", 2L, "right", 1L, "wrong", 0L, "precision", "100.0 %", "cumulative", "100.0 %"),
                Map.of("month", "2026-12", "mailed", 3L, "right", 1L, "wrong", 1L, "precision", "50.0 %", "cumulative", "66.6 %"));
        assertThat((Map<String, Object>) m.get("confusion")).containsEntry("mailedRight", 2).containsEntry("mailedWrong", 1)
                .containsEntry("heldWrong", 1).containsEntry("heldRight", 0);
        Map<String, Object> chart = (Map<String, Object>) m.get("chart");
        assertThat((List<?>) chart.get("points")).hasSize(2);
        assertThat(chart.get("line")).isEqualTo("48.0,16.0 624.0,84.1");
    }
}

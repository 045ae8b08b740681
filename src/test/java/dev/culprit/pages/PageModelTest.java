package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.ops.Activity;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.store.Addressee;
import dev.culprit.store.DeliveryErrors;
import dev.culprit.store.HeldList;
import dev.culprit.store.LabelHistory;
import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxSummary;
import dev.culprit.store.ResultList;
import java.nio.file.Path;
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

    private static OverviewPage.Facts facts(List<ResultList.Row> rows, String query) {
        return new OverviewPage.Facts(new OutboxSummary(Map.of(OutboxState.SENT, 7L, OutboxState.HELD, 2L),
                Optional.of(NOW.minusSeconds(600)), Optional.empty()), Optional.of("the file /var/lib/culprit/paused exists"),
                "/var/spool/culprit", Optional.of(new SpoolDirectory.Counts(1, 0, 40, 2)),
                new Activity.Snapshot(NOW.minusSeconds(5), NOW.minusSeconds(4), null, null, List.of()),
                List.of(new DeliveryErrors.Failure("0123456789abcdef01234567", OutboxState.PENDING, 2, NOW, "451 4.7.1 try later")),
                rows, 1234, Keyset.of("/", "before", query).orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewShowsEveryStateThePauseAndTheFirstPage() {
        List<ResultList.Row> rows = new ArrayList<>(IntStream.rangeClosed(1, Keyset.PAGE + 1).mapToObj(i -> row(i)).toList());

        Map<String, Object> m = OverviewPage.model(facts(rows, null), NOW);

        assertThat((List<Map<String, Object>>) m.get("outbox")).hasSize(OutboxState.values().length)
                .contains(Map.of("state", "sent", "count", 7L), Map.of("state", "pending", "count", 0L));
        assertThat(m.get("paused")).isEqualTo("the file /var/lib/culprit/paused exists");
        assertThat(m.get("oldestPending")).isEqualTo(Map.of("time", "2026-12-07 01:50:00 UTC", "age", "10 min"));
        assertThat((List<?>) m.get("results")).hasSize(Keyset.PAGE);
        assertThat(m.get("next")).isEqualTo("/?before=" + Keyset.PAGE);
        assertThat(m).doesNotContainKey("first");
        Map<String, Object> second = ((List<Map<String, Object>>) m.get("results")).get(1);
        assertThat(second).containsEntry("title", "[culprit] subject 2").containsEntry("recipients", "a@example.org, b@example.org");
    }

    @Test
    void theLastPageHasNoNextLinkButOneToTheNewest() {
        Map<String, Object> m = OverviewPage.model(facts(List.of(row(3), row(2)), "before=4"), NOW);

        assertThat(m).doesNotContainKey("next").containsEntry("first", "/");
    }

    private static HeldList.Row held(long id, String reason) {
        return new HeldList.Row(id, "0123456789abcdef012345" + (10 + id % 90), NOW.minusSeconds(3600), "[culprit] subject " + id,
                "culprit", "abc123 fix", "crash " + id, 0.25, List.of(reason, "second reason"),
                List.of(new Addressee("a@example.org", "to"), new Addressee("list@example.org", "cc")), null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHeldPageClipsTheReasonsButNeverTheCommands() {
        Path config = Path.of("/etc/culprit/it's " + "long/".repeat(200) + "culprit.yaml");
        List<HeldList.Row> read = IntStream.rangeClosed(1, Keyset.PAGE + 1).mapToObj(i -> held(i, "R".repeat(10_000))).toList();

        Map<String, Object> m = HeldPage.model(new HeldPage.Facts(read, 70, Keyset.of("/held", "after", null).orElseThrow()),
                new Commands(config), NOW);

        List<Map<String, Object>> held = (List<Map<String, Object>>) m.get("held");
        assertThat(held).hasSize(Keyset.PAGE);
        assertThat(m).containsEntry("total", 70L).containsEntry("next", "/held?after=" + Keyset.PAGE).doesNotContainKey("first");
        Map<String, Object> first = held.get(0);
        List<String> reasons = (List<String>) first.get("reasons");
        assertThat(reasons.get(0)).hasSize(PageText.LINE).startsWith("RRR").endsWith("…");
        assertThat(reasons.get(1)).isEqualTo("second reason");
        String quoted = " --config '/etc/culprit/it'\\''s " + "long/".repeat(200) + "culprit.yaml'";
        assertThat(first).containsEntry("release", "culprit release " + first.get("key") + quoted)
                .containsEntry("drop", "culprit drop " + first.get("key") + " --why 'REASON'" + quoted)
                .containsEntry("recipients", List.of("a@example.org (to)", "list@example.org (cc)"))
                .containsEntry("age", "1 h 0 min").containsEntry("score", "0.25");
    }

    @Test
    void theLastHeldPageLinksToTheFirst() {
        Map<String, Object> m = HeldPage.model(new HeldPage.Facts(List.of(held(52, "why")), 51,
                Keyset.of("/held", "after", "after=51").orElseThrow()), new Commands(null), NOW);

        assertThat(m).doesNotContainKey("next").containsEntry("first", "/held");
    }

    @Test
    void aListPageUnderstandsOnlyItsOwnParameter() {
        assertThat(Keyset.of("/held", "after", "after=12")).hasValue(new Keyset("/held", "after", 12L));
        assertThat(Keyset.of("/held", "after", "before=12")).isEmpty();
        assertThat(Keyset.of("/", "before", "before=12&x=1")).isEmpty();
        assertThat(Keyset.of("/", "before", "before=1234567890123456789")).isEmpty();
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

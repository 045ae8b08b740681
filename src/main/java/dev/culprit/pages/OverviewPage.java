package dev.culprit.pages;

import dev.culprit.ops.Activity;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.store.DeliveryErrors;
import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxStatus;
import dev.culprit.store.OutboxSummary;
import dev.culprit.store.ResultList;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The page at {@code /}: where the outbox stands, the service's runs and errors, the latest results. */
final class OverviewPage {
    /** Delivery errors shown. */
    static final int ERRORS = 10;

    private OverviewPage() {}

    /**
     * What the page shows.
     *
     * @param paused why delivery is paused by the switch, if it is
     * @param spool the spool's folders, or empty when they cannot be read
     * @param results one page of results, newest first
     * @param page where the page of results starts
     */
    record Facts(OutboxSummary outbox, Optional<String> paused, String spoolRoot, Optional<SpoolDirectory.Counts> spool,
            Activity.Snapshot activity, List<DeliveryErrors.Failure> errors, List<ResultList.Row> results, long total,
            Keyset page) {}

    static Facts read(PageSources s, Keyset page) throws StoreException {
        Optional<SpoolDirectory.Counts> spool;
        try {
            spool = Optional.of(s.spool().counts());
        } catch (IOException e) {
            spool = Optional.empty();
        }
        ResultList results = new ResultList(s.db());
        return new Facts(new OutboxStatus(s.db(), s.clock()).summary(), s.pause().reason(), s.spool().root().toString(), spool,
                s.activity().get(), new DeliveryErrors(s.db()).latest(ERRORS), results.latest(page.row(), page.read()),
                results.count(), page);
    }

    static Map<String, Object> model(Facts f, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "culprit status");
        m.put("now", PageText.time(now));
        m.put("outbox", outbox(f.outbox()));
        f.paused().ifPresent(p -> m.put("paused", PageText.cell(p)));
        f.outbox().setupProblem().ifPresent(p -> m.put("setupProblem", Map.of("since", PageText.time(p.since()),
                "retry", PageText.time(p.retryAt()), "text", PageText.inert(p.text(), PageText.BLOCK))));
        f.outbox().oldestPending().ifPresent(t -> m.put("oldestPending", Map.of("time", PageText.time(t), "age",
                PageText.age(t, now))));
        m.put("spoolRoot", PageText.cell(f.spoolRoot()));
        f.spool().ifPresent(c -> m.put("spool", Map.of("inbox", c.inbox(), "work", c.work(), "done", c.done(),
                "failed", c.failed())));
        m.put("runs", runs(f.activity(), now));
        m.put("errors", errors(f.errors(), f.activity()));
        m.put("results", Keyset.shown(f.results()).stream().map(OverviewPage::result).toList());
        m.put("total", f.total());
        f.page().links(m, f.results(), ResultList.Row::id);
        return m;
    }

    private static List<Map<String, Object>> outbox(OutboxSummary s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OutboxState st : OutboxState.values()) {
            out.add(Map.of("state", st.id(), "count", s.count(st)));
        }
        return out;
    }

    private static List<Map<String, Object>> runs(Activity.Snapshot a, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(run("scan started", a.scanStarted(), now));
        out.add(run("scan finished", a.scanFinished(), now));
        out.add(run("delivery started", a.deliveryStarted(), now));
        out.add(run("delivery finished", a.deliveryFinished(), now));
        return out;
    }

    private static Map<String, Object> run(String what, Instant at, Instant now) {
        return Map.of("what", what, "time", at == null ? "not yet in this process" : PageText.time(at),
                "age", at == null ? "" : PageText.age(at, now) + " ago");
    }

    private static List<Map<String, Object>> errors(List<DeliveryErrors.Failure> failures, Activity.Snapshot a) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DeliveryErrors.Failure e : failures) {
            out.add(Map.of("time", PageText.time(e.at()), "key", e.shortId(), "state", e.state().id(),
                    "attempts", e.attempts(), "error", PageText.inert(e.error(), PageText.BLOCK)));
        }
        for (Activity.SmtpError e : a.smtpErrors()) {
            out.add(Map.of("time", PageText.time(e.at()), "key", "", "state", "", "attempts", "",
                    "error", "SMTP error (" + PageText.cell(e.errorClass()) + ")"));
        }
        return out;
    }

    private static Map<String, Object> result(ResultList.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", r.shortId());
        m.put("href", "/results/" + r.shortId());
        m.put("time", PageText.time(r.createdAt()));
        m.put("title", PageText.cell(r.crashTitle() != null ? r.crashTitle() : r.subject()));
        m.put("culprit", PageText.cell(r.culprit()));
        m.put("verdict", r.verdict());
        m.put("state", r.state().id());
        m.put("recipients", PageText.cell(String.join(", ", r.recipients())));
        return m;
    }
}

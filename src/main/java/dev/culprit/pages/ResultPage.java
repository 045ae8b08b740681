package dev.culprit.pages;

import dev.culprit.model.Label;
import dev.culprit.store.HistoryEvent;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.ResultHistory;
import dev.culprit.store.ResultRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The page at {@code /results/KEY}: one result and everything stored about it; a section without data leaves itself out. */
final class ResultPage {
    /** What the log said, in the order shown: the summary's field and its label. */
    private static final List<String[]> FACTS = List.of(
            new String[] {"type", "bisection"}, new String[] {"outcome", "outcome"},
            new String[] {"crashTitle", "crash title"}, new String[] {"originalCrashTitle", "crash title on the original commit"},
            new String[] {"culpritHash", "culprit commit"}, new String[] {"culpritTitle", "culprit title"},
            new String[] {"candidates", "candidate commits"}, new String[] {"startCommit", "start commit"},
            new String[] {"revisionsTested", "revisions tested"}, new String[] {"totalTime", "total time"},
            new String[] {"reproChance", "reproducer's chance"}, new String[] {"errorMessage", "error"},
            new String[] {"source", "log"});

    private ResultPage() {}

    static Map<String, Object> model(ResultRecord.Details d, Optional<ResultHistory.History> history, Commands commands,
            Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Result " + d.shortId());
        m.put("now", PageText.time(now));
        m.put("key", d.shortId());
        m.put("verdict", d.verdict());
        m.put("heading", PageText.inert(d.crashTitle() != null ? d.crashTitle() : d.subject(), PageText.HEADING));
        m.put("facts", List.of(
                fact("key", d.resultKey()), fact("log", d.source()), fact("subject", d.subject()),
                fact("verdict", d.verdict()), fact("state", d.state().id()), fact("stored", PageText.time(d.createdAt())),
                fact("sent", d.sentAt() == null ? "not sent" : PageText.time(d.sentAt()))));
        d.summary().ifPresent(s -> {
            m.put("said", said(s));
            List<Map<String, Object>> timeline = timeline(s.get("timeline"));
            if (!timeline.isEmpty()) {
                m.put("timeline", timeline);
            }
            m.put("score", s.get("score") == null ? "" : String.format(Locale.ROOT, "%.2f", ((Number) s.get("score")).doubleValue()));
            m.put("reasons", texts(s.get("reasons")));
        });
        d.held().ifPresent(h -> m.put("held", Map.of("time", PageText.time(h.at()), "reasons",
                h.reasons().stream().map(r -> PageText.inert(r, PageText.BLOCK)).toList(),
                "release", commands.release(d.shortId()),
                "drop", commands.drop(d.shortId()))));
        m.put("recipients", d.recipients().stream().map(ResultPage::recipient).toList());
        m.put("mails", d.mails().stream().map(ResultPage::mail).toList());
        history.filter(h -> !h.events().isEmpty()).ifPresent(h -> m.put("history", h.events().stream()
                .map(ResultPage::event).toList()));
        if (!d.labels().isEmpty()) {
            m.put("labels", d.labels().stream().map(ResultPage::label).toList());
            Label.inForce(d.labels()).ifPresent(l -> m.put("labelInForce", l.value().id()));
        }
        List<Map<String, Object>> links = links(d.links());
        if (!links.isEmpty()) {
            m.put("links", links);
        }
        return m;
    }

    private static Map<String, Object> fact(String name, String value) {
        return Map.of("name", name, "value", PageText.inert(value, PageText.BLOCK));
    }

    private static List<Map<String, Object>> said(Map<String, Object> s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] f : FACTS) {
            Object v = s.get(f[0]);
            if (v instanceof List<?> l) {
                v = l.isEmpty() ? null : String.join(" ", l.stream().map(String::valueOf).toList());
            }
            if (v != null) {
                out.add(fact(f[1], String.valueOf(v)));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> timeline(Object entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!(entries instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            if (o instanceof Map<?, ?> e) {
                out.add(Map.of("commit", PageText.cell(String.valueOf(e.get("commit"))),
                        "phase", PageText.cell(String.valueOf(e.get("phase"))),
                        "release", e.get("release") == null ? "" : PageText.cell(String.valueOf(e.get("release"))),
                        "runs", String.valueOf(e.get("runs")),
                        "verdicts", Boolean.TRUE.equals(e.get("buildFailed")) ? "build failed"
                                : String.join(", ", texts(e.get("verdicts")))));
            }
        }
        return out;
    }

    private static List<String> texts(Object list) {
        if (!(list instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().map(x -> PageText.inert(String.valueOf(x), PageText.BLOCK)).toList();
    }

    private static Map<String, Object> recipient(OutboxRecipient r) {
        return Map.of("address", PageText.cell(r.address()), "field", r.recipient().field().id(),
                "kind", r.recipient().kind().id(), "state", r.state().id(),
                "reasons", r.recipient().reasons().stream().map(PageText::cell).toList(),
                "error", PageText.inert(r.lastError(), PageText.BLOCK));
    }

    private static Map<String, Object> mail(ResultRecord.Mail x) {
        return Map.of("kind", x.kind(), "messageId", PageText.cell(x.messageId()), "state", x.state().id(),
                "stored", PageText.time(x.createdAt()), "sent", x.sentAt() == null ? "" : PageText.time(x.sentAt()),
                "attempts", x.attempts(), "error", PageText.inert(x.lastError(), PageText.BLOCK));
    }

    private static Map<String, Object> event(HistoryEvent e) {
        List<Map<String, Object>> fields = new ArrayList<>();
        e.fields().forEach((k, v) -> fields.add(Map.of("name", PageText.cell(k), "value", PageText.inert(v, PageText.BLOCK))));
        return Map.of("time", PageText.time(e.at()), "what", e.kind().id(), "summary", PageText.inert(e.summary(), PageText.BLOCK),
                "fields", fields);
    }

    private static Map<String, Object> label(Label l) {
        return Map.of("time", PageText.time(l.at()), "value", l.value().id(), "source", l.source().id(),
                "culprit", PageText.cell(l.culprit()), "evidence", PageText.inert(l.evidence(), PageText.BLOCK));
    }

    /** Each link, with an address to link to only when it is an http(s) URL. */
    private static List<Map<String, Object>> links(List<String> links) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String l : links) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("text", PageText.cell(l));
            PageText.httpUrl(l).ifPresent(u -> e.put("href", u));
            out.add(e);
        }
        return out;
    }
}

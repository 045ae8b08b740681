package dev.culprit.pages;

import dev.culprit.store.HeldMail;
import dev.culprit.store.OutboxRecipient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The page at {@code /held}: the results held for moderation, why, and the commands that release or drop each. */
final class HeldPage {
    private HeldPage() {}

    static Map<String, Object> model(List<HeldMail> held, Commands commands, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Held results");
        m.put("now", PageText.time(now));
        m.put("held", held.stream().map(h -> held(h, commands, now)).toList());
        return m;
    }

    private static Map<String, Object> held(HeldMail h, Commands commands, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", h.shortId());
        m.put("href", "/results/" + h.shortId());
        m.put("time", PageText.time(h.heldAt()));
        m.put("age", PageText.age(h.heldAt(), now));
        m.put("outcome", PageText.cell(h.outcome()));
        m.put("title", PageText.inert(h.crashTitle() != null ? h.crashTitle() : h.subject(), PageText.HEADING));
        m.put("culprit", PageText.inert(h.culprit(), PageText.BLOCK));
        m.put("score", Double.isNaN(h.score()) ? "" : String.format(Locale.ROOT, "%.2f", h.score()));
        m.put("reasons", h.reasons().stream().map(r -> PageText.inert(r, PageText.BLOCK)).toList());
        List<OutboxRecipient> to = h.wouldGoTo();
        m.put("recipients", to.stream().map(r -> PageText.cell(r.address()) + " (" + r.recipient().field().id() + ")").toList());
        m.put("notice", h.noticeMessageId() == null ? "" : PageText.cell(h.noticeMessageId()));
        m.put("release", commands.release(h.shortId()));
        m.put("drop", commands.drop(h.shortId()));
        return m;
    }
}

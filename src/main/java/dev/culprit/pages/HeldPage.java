package dev.culprit.pages;

import dev.culprit.store.HeldList;
import dev.culprit.store.StoreException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page at {@code /held}: the results held for moderation, oldest first, a page at a time; why
 * each was held, and the commands that release or drop it, whole whatever else is clipped.
 */
final class HeldPage {
    private HeldPage() {}

    /**
     * What the page shows.
     *
     * @param held one page of held results, oldest first, and the first of the next page when there is one
     * @param total how many results are held
     * @param page where the page starts
     */
    record Facts(List<HeldList.Row> held, long total, Keyset page) {}

    static Facts read(PageSources s, Keyset page) throws StoreException {
        HeldList held = new HeldList(s.db());
        return new Facts(held.oldest(page.row(), page.read()), held.count(), page);
    }

    static Map<String, Object> model(Facts f, Commands commands, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Held results");
        m.put("now", PageText.time(now));
        m.put("held", Keyset.shown(f.held()).stream().map(h -> held(h, commands, now)).toList());
        m.put("total", f.total());
        f.page().links(m, f.held(), HeldList.Row::id);
        return m;
    }

    private static Map<String, Object> held(HeldList.Row h, Commands commands, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", h.shortId());
        m.put("href", "/results/" + h.shortId());
        m.put("time", PageText.time(h.heldAt()));
        m.put("age", PageText.age(h.heldAt(), now));
        m.put("outcome", PageText.cell(h.outcome()));
        m.put("title", PageText.inert(h.crashTitle() != null ? h.crashTitle() : h.subject(), PageText.HEADING));
        m.put("culprit", PageText.inert(h.culprit(), PageText.BLOCK));
        m.put("score", Double.isNaN(h.score()) ? "" : String.format(Locale.ROOT, "%.2f", h.score()));
        m.put("reasons", h.reasons().stream().map(r -> PageText.inert(r, PageText.LINE)).toList());
        m.put("recipients", h.wouldGoTo().stream().map(r -> PageText.cell(r.address()) + " (" + r.field() + ")").toList());
        m.put("notice", h.noticeMessageId() == null ? "" : PageText.cell(h.noticeMessageId()));
        m.put("release", commands.release(h.shortId()));
        m.put("drop", commands.drop(h.shortId()));
        return m;
    }
}

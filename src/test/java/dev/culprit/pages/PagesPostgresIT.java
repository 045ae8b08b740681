package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.mail.KillSwitch;
import dev.culprit.model.Label;
import dev.culprit.model.Verdict;
import dev.culprit.ops.Activity;
import dev.culprit.render.Renderer;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.spool.SpoolSettings;
import dev.culprit.store.Database;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.store.HeldList;
import dev.culprit.store.Labels;
import dev.culprit.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page's queries on a real PostgreSQL server: the migration, the paged list, a result by key prefix, the labels. */
class PagesPostgresIT {
    private static EmbeddedDb postgres;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));

    @BeforeAll
    static void start() {
        postgres = EmbeddedDb.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static String text(StatusPages.Answer a) {
        assertThat(a.status()).isEqualTo(200);
        return new String(a.body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyPageReadsThePostgresqlStore(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(postgres.newDatabase(), EmbeddedDb.USER, null)) {
            PageStore.fill(db, clock, 60);
            String held = PageStore.result(3, "t", Verdict.MODERATE).key().shortId();
            new Labels(db).label(held, new Label(Label.Value.WRONG, null, Label.Source.OPERATOR, "not it", clock.instant()));
            StatusPages pages = new StatusPages(PageAccess.forBinding("127.0.0.1", 1, null), new PageSources(db, clock,
                    new KillSwitch(false, dir), new SpoolDirectory(new SpoolSettings(dir.resolve("spool"), null, null), clock),
                    new Activity(clock)::snapshot, 20, null), new Renderer(Renderer.bundledLoader()));

            Document first = Jsoup.parse(text(pages.answer("/", null)));
            String next = first.selectFirst("a[rel=next]").attr("href");
            Document second = Jsoup.parse(text(pages.answer("/", next.substring(2))));
            Document result = Jsoup.parse(text(pages.answer("/results/" + held.substring(0, 10), null)));

            assertThat(first.select("#results tbody tr")).hasSize(50);
            assertThat(second.select("#results tbody tr")).hasSize(10);
            assertThat(second.select("#results tbody tr").last().text()).contains("general protection fault in thing_1 ");
            assertThat(result.selectFirst("#said").text()).contains("general protection fault in thing_3");
            assertThat(result.selectFirst("#labels").text()).contains("not it");
            assertThat(text(pages.answer("/held", null))).contains("culprit release " + held);
            List<HeldList.Row> oldest = new HeldList(db).oldest(null, 3);
            Document later = Jsoup.parse(text(pages.answer("/held", "after=" + oldest.get(0).id())));
            assertThat(oldest).extracting(HeldList.Row::shortId).startsWith(held);
            assertThat(later.select("section.held")).hasSize(19);
            assertThat(later.getElementById("held-" + oldest.get(1).shortId()).select("pre.command").eachText())
                    .containsExactly("culprit release " + oldest.get(1).shortId(),
                            "culprit drop " + oldest.get(1).shortId() + " --why 'REASON'");
            assertThat(later.text()).doesNotContain(held).contains("the reproducer was flaky").contains("20 result(s) wait");
            assertThat(text(pages.answer("/trust", null))).contains("held or skipped");
            assertThat(pages.answer("/results/ffffffffffffffff", null).status()).isEqualTo(404);
        }
    }
}

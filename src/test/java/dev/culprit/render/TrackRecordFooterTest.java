package dev.culprit.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Outcome;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.Sidecar;
import dev.culprit.model.TrackRecord;
import org.junit.jupiter.api.Test;

/** The line a culprit mail ends with once landed fixes have judged enough culprits, and the suggested Closes: tag. */
class TrackRecordFooterTest {
    private static final String LINE = "Of the last 20 culprits this bot mailed whose fix has landed, 17 were right.\n";

    private static String body(Sidecar sidecar, Footnotes notes) throws Exception {
        MailContext ctx = RenderFixture.context(ReportBuilder.culprit().build(), sidecar);
        return new Renderer(Renderer.bundledLoader()).render(Outcome.CULPRIT, new DataModel(RenderSettings.defaults()).build(ctx, notes))
                .body();
    }

    @Test
    void aCulpritMailCitesTheTrackRecordFromTheThresholdOn() throws Exception {
        assertThat(body(Sidecar.empty(), new Footnotes(null, new TrackRecord(19, 17).citable(20).orElse(null))))
                .doesNotContain("culprits this bot mailed");
        String body = body(Sidecar.empty(), new Footnotes(null, new TrackRecord(20, 17).citable(20).orElse(null)));

        assertThat(body).contains("\n\n" + LINE + "\n-- \n");
    }

    @Test
    void withoutADashboardLinkTheMailSuggestsClosingItsOwnArchiveLink() throws Exception {
        String archive = "https://lore.example.org/r/culprit.abc@bot.example.net";

        assertThat(body(Sidecar.empty(), new Footnotes(archive, null))).contains("\nCloses: " + archive + "\n");
        Sidecar dashboard = new Sidecar(null, null, new Sidecar.Links("https://dash.example.org/bug?id=1", null, null, null, null),
                null, null, null, null);
        assertThat(body(dashboard, new Footnotes(archive, null))).contains("\nCloses: https://dash.example.org/bug?id=1\n")
                .doesNotContain(archive);
    }
}

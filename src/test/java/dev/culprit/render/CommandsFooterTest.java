package dev.culprit.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Outcome;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.Sidecar;
import dev.culprit.replies.CommandParser;
import org.junit.jupiter.api.Test;

/** Where culprit reads replies, each report's footer tells its recipients the commands they can answer with. */
class CommandsFooterTest {
    private static String body(DataModel model) throws Exception {
        MailContext ctx = RenderFixture.context(ReportBuilder.culprit().build(), Sidecar.empty());
        return new Renderer(Renderer.bundledLoader()).render(Outcome.CULPRIT, model.build(ctx)).body();
    }

    @Test
    void theFooterListsTheCommandsOnlyWhenRepliesAreRead() throws Exception {
        DataModel model = new DataModel(RenderSettings.defaults());

        assertThat(body(model)).doesNotContain("#culprit");
        String reading = body(model.readingCommands(true));
        assertThat(reading).contains("\"#culprit wrong [why]\"", "\"#culprit blame HASH [why]\"", "\"#culprit confirm\"",
                "\"#culprit uncc\"", "\"#culprit unsubscribe\"");
        assertThat(reading.substring(reading.indexOf("\n-- \n"))).contains("Result key: ");
    }

    @Test
    void aReplyQuotingTheReportWithoutMarksGivesNoCommandOfItsOwn() throws Exception {
        String reading = body(new DataModel(RenderSettings.defaults()).readingCommands(true));

        assertThat(reading.lines()).noneMatch(l -> l.startsWith("#culprit"));
        assertThat(CommandParser.parse(reading).any()).isFalse();
    }
}

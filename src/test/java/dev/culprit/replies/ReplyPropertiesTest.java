package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile text never makes the reply reader fail, apply more than three commands, or read the quote. */
class ReplyPropertiesTest {
    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("#culprit wrong", "#culprit blame 7a819b1f87a1 x", "#culprit drop", "#culprit",
                        "#culprit confirm", "> #culprit wrong", "On Mon wrote:", "-- ", "-----Original Message-----",
                        "From: a", "Sent: b", "Result key: 8aea6061bf7004b21baac457", "<blockquote>", "</div>", ""),
                Arbitraries.strings().all().ofMaxLength(60));
        return line.list().ofMaxSize(30).map(l -> String.join("\n", l));
    }

    @Property(tries = 1000)
    void theOwnTextIsABeginningOfTheReplyWithoutQuotedLines(@ForAll("replies") String body) {
        String own = ReplyText.ownText(body);
        String normal = body.replace("\r\n", "\n").replace('\r', '\n');
        assertThat(normal).startsWith(own);
        assertThat(own.lines()).noneMatch(l -> l.startsWith(">"));
    }

    @Property(tries = 1000)
    void commandsNeverExceedThreeAndEveryCommandLineIsAccountedFor(@ForAll("replies") String body) {
        String own = ReplyText.ownText(body);
        CommandLines lines = CommandParser.parse(own);
        long commandLines = own.lines().filter(CommandParser::isCommandLine).count();
        assertThat(lines.commands()).hasSizeLessThanOrEqualTo(CommandParser.MAX_COMMANDS);
        if (commandLines <= CommandParser.MAX_COMMANDS) {
            assertThat(lines.commands().size() + lines.refusals().size()).isEqualTo((int) commandLines);
        } else {
            assertThat(lines.commands()).isEmpty();
        }
    }

    @Property(tries = 500)
    void htmlOfAnyShapeIsRead(@ForAll("replies") String html) {
        ReplyBody body = HtmlReplyText.read(html);
        assertThat(body.ownText()).doesNotContain("\r");
        assertThat(body.text()).doesNotContain("\r");
    }

    @Property(tries = 1000)
    void anyAuthenticationResultsIsReadWithoutFailing(@ForAll("replies") String header) {
        Speaker s = SenderAuthenticator.trusting("mx.example.org")
                .speaker(List.of("j@kernel.org"), List.of(header, "mx.example.org; dmarc=pass"));
        assertThat(s.how()).isNotEmpty();
    }
}

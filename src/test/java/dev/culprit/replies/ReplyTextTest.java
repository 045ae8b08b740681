package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {
    @Test
    void stopsAtTheFirstQuotedLine() {
        String body = "#culprit wrong the bisection hit a flaky test\n\n> #culprit confirm\n> Result key: abc\n";
        assertThat(ReplyText.ownText(body)).isEqualTo("#culprit wrong the bisection hit a flaky test");
    }

    @Test
    void stopsAtAnAttributionLine() {
        String body = "#culprit confirm\r\n\r\nOn Mon, 7 Dec 2026 at 01:00, culprit <culprit@example.org> wrote:\r\n"
                + "#culprit wrong\r\n";
        assertThat(ReplyText.ownText(body)).isEqualTo("#culprit confirm");
    }

    @Test
    void stopsAtAnAttributionWrappedOverTwoLines() {
        String body = "Looks right.\nOn Mon, Dec 7, 2026 at 1:00 AM Culprit Bot\n<culprit@example.org> wrote:\n"
                + "#culprit wrong\n";
        assertThat(ReplyText.ownText(body)).isEqualTo("Looks right.");
    }

    @Test
    void keepsALineThatOnlyStartsWithOn() {
        String body = "On second thought this is right.\n#culprit confirm\n";
        assertThat(ReplyText.ownText(body)).isEqualTo("On second thought this is right.\n#culprit confirm");
    }

    @Test
    void stopsAtAnOutlookOriginalMessageSeparatorWithoutQuoting() {
        String body = "#culprit blame 7a819b1f87a1 the real one\n\n-----Original Message-----\n"
                + "From: culprit <culprit@example.org>\nSent: Monday\n#culprit wrong\n";
        assertThat(ReplyText.ownText(body)).isEqualTo("#culprit blame 7a819b1f87a1 the real one");
    }

    @Test
    void stopsAtAnOutlookHeaderBlockWithoutQuoting() {
        String body = "#culprit confirm\n________________________________\nFrom: culprit\nSent: Monday\n"
                + "#culprit wrong\n";
        assertThat(ReplyText.ownText(body)).isEqualTo("#culprit confirm");
        String noRule = "#culprit confirm\n\nFrom: culprit <culprit@example.org>\nSent: Monday, 7 December 2026\n"
                + "To: me\n#culprit wrong\n";
        assertThat(ReplyText.ownText(noRule)).isEqualTo("#culprit confirm");
    }

    @Test
    void keepsAFromLineThatStartsNoHeaderBlock() {
        String body = "From: what I see the culprit is right\n#culprit confirm";
        assertThat(ReplyText.ownText(body)).isEqualTo(body);
    }

    @Test
    void stopsAtTheSignatureSeparator() {
        String body = "#culprit confirm\n-- \nJane Maintainer\n#culprit wrong\n";
        assertThat(ReplyText.ownText(body)).isEqualTo("#culprit confirm");
    }

    @Test
    void aReplyThatIsAllQuoteHasNoOwnText() {
        assertThat(ReplyText.ownText("> #culprit wrong\n> quoted\n")).isEmpty();
        assertThat(ReplyText.ownText("")).isEmpty();
    }
}

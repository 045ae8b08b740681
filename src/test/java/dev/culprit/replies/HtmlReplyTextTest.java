package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReplyTextTest {
    @Test
    void removesAGmailQuoteWithItsAttribution() {
        String html = "<div dir=\"ltr\">#culprit wrong flaky<br>thanks</div><br><div class=\"gmail_quote\">"
                + "<div class=\"gmail_attr\">On Mon, Dec 7, 2026 culprit wrote:<br></div>"
                + "<blockquote class=\"gmail_quote\">#culprit confirm<br>Result key: 8aea6061bf7004b21baac457"
                + "</blockquote></div>";
        assertThat(HtmlReplyText.ownText(html)).isEqualTo("#culprit wrong flaky\nthanks");
    }

    @Test
    void removesBlockquotesAnywhere() {
        String html = "<p>#culprit confirm</p><blockquote type=\"cite\"><p>#culprit wrong</p></blockquote>"
                + "<p>after the quote</p>";
        assertThat(HtmlReplyText.ownText(html)).isEqualTo("#culprit confirm\nafter the quote");
    }

    @Test
    void removesEverythingFromTheOutlookReplyHeaderOn() {
        String html = "<html><body><div><p>#culprit blame 7a819b1f87a1</p></div><hr>"
                + "<div id=\"divRplyFwdMsg\"><b>From:</b> culprit<br><b>Sent:</b> Monday</div>"
                + "<div><p>#culprit wrong</p></div></body></html>";
        assertThat(HtmlReplyText.ownText(html)).isEqualTo("#culprit blame 7a819b1f87a1");
    }

    @Test
    void stopsAtAnUnmarkedOutlookDesktopHeaderBlock() {
        String html = "<div class=\"WordSection1\"><p class=\"MsoNormal\">#culprit confirm</p>"
                + "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\"><b>From:</b>"
                + " culprit &lt;culprit@example.org&gt;<br><b>Sent:</b> Monday<br><b>To:</b> me</p></div>"
                + "<p class=\"MsoNormal\">#culprit wrong</p></div>";
        assertThat(HtmlReplyText.ownText(html)).isEqualTo("#culprit confirm");
    }

    @Test
    void ignoresScriptsStylesAndEntities() {
        String html = "<html><head><style>p{}</style><title>#culprit wrong</title></head><body>"
                + "<script>#culprit wrong</script><p>#culprit&nbsp;confirm</p></body></html>";
        assertThat(HtmlReplyText.ownText(html)).isEqualTo("#culprit confirm");
    }

    @Test
    void keepsPreformattedLines() {
        String html = "<pre>#culprit wrong\n#culprit uncc\n</pre>";
        assertThat(HtmlReplyText.ownText(html)).isEqualTo("#culprit wrong\n#culprit uncc");
    }

    @Test
    void readsBrokenHtmlWithoutFailing() {
        assertThat(HtmlReplyText.ownText("<div><p>#culprit confirm<blockquote><p>#culprit wrong"))
                .isEqualTo("#culprit confirm");
    }

    @Test
    void theWholeTextKeepsTheQuoteWithEachOfItsLinesMarked() {
        String html = "<div dir=\"ltr\">#culprit wrong flaky</div><div class=\"gmail_quote\">"
                + "<div class=\"gmail_attr\">On Mon culprit wrote:</div><blockquote class=\"gmail_quote\">"
                + "#culprit confirm<br>  Result key: 8aea6061bf7004b21baac457<blockquote>older</blockquote></blockquote></div>";
        ReplyBody body = HtmlReplyText.read(html);
        assertThat(body.text()).isEqualTo("#culprit wrong flaky\n> On Mon culprit wrote:\n>> #culprit confirm\n"
                + ">> Result key: 8aea6061bf7004b21baac457\n>>> older\n");
        assertThat(body.ownText()).isEqualTo("#culprit wrong flaky");
    }

    @Test
    void aQuoteInTheMiddleOfALineStartsALineOfItsOwn() {
        ReplyBody body = HtmlReplyText.read("<p>#culprit confirm<blockquote>Result key: 8aea6061bf7004b21baac457"
                + "</blockquote>after</p>");
        assertThat(body.text()).isEqualTo("#culprit confirm\n> Result key: 8aea6061bf7004b21baac457\nafter\n");
        assertThat(body.ownText()).isEqualTo("#culprit confirm\nafter");
    }

    @Test
    void theWholeTextMarksEverythingFromTheOutlookReplyHeaderOn() {
        String html = "<html><body><div><p>#culprit blame 7a819b1f87a1</p></div><hr>"
                + "<div id=\"divRplyFwdMsg\"><b>From:</b> culprit<br><b>Sent:</b> Monday</div>"
                + "<div><p>#culprit wrong</p>Result key: <span>8aea6061bf7004b21baac457</span></div></body></html>";
        assertThat(HtmlReplyText.read(html).text()).isEqualTo("#culprit blame 7a819b1f87a1\n> From: culprit\n"
                + "> Sent: Monday\n> #culprit wrong\n> Result key: 8aea6061bf7004b21baac457\n");
    }

    @Test
    void anOutlookHeaderInsideAQuoteLeavesTheTextAfterTheQuote() {
        String html = "<p>#culprit confirm</p><blockquote><div id=\"divRplyFwdMsg\">From: x</div><p>old</p></blockquote>"
                + "<p>#culprit uncc</p>";
        ReplyBody body = HtmlReplyText.read(html);
        assertThat(body.ownText()).isEqualTo("#culprit confirm\n#culprit uncc");
        assertThat(body.text()).isEqualTo("#culprit confirm\n> From: x\n> old\n#culprit uncc\n");
    }

    @Test
    void preformattedQuotedLinesAreMarkedOneByOne() {
        String html = "<p>#culprit wrong</p><blockquote type=\"cite\"><pre>#culprit confirm\n-- \nResult key: k\n</pre>"
                + "</blockquote>";
        assertThat(HtmlReplyText.read(html).text()).isEqualTo("#culprit wrong\n> #culprit confirm\n> -- \n> Result key: k\n");
    }
}

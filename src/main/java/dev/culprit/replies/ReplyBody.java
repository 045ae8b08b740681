package dev.culprit.replies;

/**
 * A reply's text read two ways. The whole text, quoted original included, is where culprit looks
 * for the quoted {@code Result key:} line when the mail's headers name no message it sent; the own
 * text, before the quoted original, is the only place commands are read from, so that a quoted
 * {@code #culprit} line never counts.
 *
 * @param text the whole text as plain lines; in an HTML-only mail each line of a quoted block
 *        starts with {@code >}
 * @param ownText the reply's own lines, the quoted original left out
 */
public record ReplyBody(String text, String ownText) {
    /** A {@code text/plain} body: the own text is read up to the first line that starts the quote. */
    public static ReplyBody plain(String body) {
        return new ReplyBody(body, ReplyText.ownText(body));
    }

    /** A {@code text/html} body, read by {@link HtmlReplyText}. */
    public static ReplyBody html(String html) {
        return HtmlReplyText.read(html);
    }
}

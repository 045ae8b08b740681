package dev.culprit.replies;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The reply's own text of an HTML-only mail. Quoted blocks are removed first ({@code blockquote},
 * Gmail's {@code gmail_quote}, Outlook's {@code divRplyFwdMsg} and everything after it, Thunderbird's
 * citation prefix, Yahoo's and Apple Mail's quote containers); the rest is turned into lines and
 * read as plain text by {@link ReplyText}, which also stops at an unmarked Outlook quote.
 */
public final class HtmlReplyText {
    private static final String QUOTES = "blockquote, .gmail_quote, .gmail_extra, .moz-cite-prefix, .yahoo_quoted,"
            + " #mail-editor-reference-message-container, [type=cite]";
    private static final String OUTLOOK_SEPARATORS = "#divRplyFwdMsg, #appendonsend, [id^=divRplyFwdMsg]";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "table", "ul", "ol", "hr", "section", "article");

    private HtmlReplyText() {
    }

    /** The text of {@code html} before its quoted original. */
    public static String ownText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("head, script, style").remove();
        doc.select(QUOTES).remove();
        for (Element separator : doc.select(OUTLOOK_SEPARATORS)) {
            removeFollowing(separator);
        }
        StringBuilder text = new StringBuilder();
        doc.body().traverse(new Lines(text));
        return ReplyText.ownText(text.toString());
    }

    /** Removes {@code e} and everything after it in document order. */
    private static void removeFollowing(Element e) {
        if (e.parent() == null) {
            return;
        }
        for (Element up = e; up.parent() != null && !"body".equals(up.tagName()); up = up.parent()) {
            while (up.nextSibling() != null) {
                up.nextSibling().remove();
            }
        }
        e.remove();
    }

    /** Writes text nodes, a line break for {@code br} and around block elements. */
    private record Lines(StringBuilder out) implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                boolean pre = t.parent() instanceof Element p && "pre".equals(p.tagName());
                out.append(pre ? t.getWholeText() : collapse(t.getWholeText()));
            } else if (node instanceof Element e && ("br".equals(e.tagName()) || BLOCKS.contains(e.tagName()))) {
                newLine();
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                newLine();
            }
        }

        private void newLine() {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            } else if (out.length() > 0) {
                trimTrailingSpaces();
            }
        }

        private void trimTrailingSpaces() {
            int end = out.length() - 1;
            while (end > 0 && out.charAt(end - 1) == ' ') {
                out.deleteCharAt(end - 1);
                end--;
            }
        }

        private static String collapse(String s) {
            return s.replace('\u00a0', ' ').replaceAll("[ \\t\\r\\n]+", " ");
        }
    }
}

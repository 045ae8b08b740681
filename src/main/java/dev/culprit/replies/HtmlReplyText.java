package dev.culprit.replies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML-only mail. Quoted blocks are {@code blockquote}, Gmail's {@code gmail_quote},
 * Outlook's {@code divRplyFwdMsg} and everything after it, Thunderbird's citation prefix, Yahoo's
 * and Apple Mail's quote containers. The own text leaves them out and is then read as plain text
 * by {@link ReplyText}, which also stops at an unmarked Outlook quote; the whole text keeps them,
 * each of their lines starting with {@code >} as a plain-text mail program would write them.
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
        return read(html).ownText();
    }

    /** The whole text of {@code html}, its quoted blocks marked, and its own text. */
    public static ReplyBody read(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("head, script, style").remove();
        Set<Node> quoted = identitySet();
        Set<Node> starts = identitySet();
        starts.addAll(doc.select(QUOTES));
        quoted.addAll(starts);
        for (Element separator : doc.select(OUTLOOK_SEPARATORS)) {
            if (!quoted.contains(separator) && separator.parents().stream().noneMatch(quoted::contains)) {
                starts.add(separator);
                quoted.addAll(following(separator));
            }
        }
        StringBuilder whole = new StringBuilder();
        doc.body().traverse(new Lines(whole, quoted, starts));
        quoted.forEach(Node::remove);
        StringBuilder own = new StringBuilder();
        doc.body().traverse(new Lines(own, Set.of(), Set.of()));
        return new ReplyBody(whole.toString(), ReplyText.ownText(own.toString()));
    }

    private static Set<Node> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** {@code e} and everything after it in document order, up to the end of the body. */
    private static List<Node> following(Element e) {
        List<Node> nodes = new ArrayList<>();
        if (e.parent() == null) {
            return nodes;
        }
        nodes.add(e);
        for (Element up = e; up.parent() != null && !"body".equals(up.tagName()); up = up.parent()) {
            for (Node next = up.nextSibling(); next != null; next = next.nextSibling()) {
                nodes.add(next);
            }
        }
        return nodes;
    }

    /**
     * Writes text nodes, a line break for {@code br} and around block elements and the
     * {@code starts} of quoted blocks; a line inside one of the {@code quoted} nodes starts with
     * one {@code >} for each quoted node it is in.
     */
    private static final class Lines implements NodeVisitor {
        private final StringBuilder out;
        private final Set<Node> quoted;
        private final Set<Node> starts;
        private int depth;

        Lines(StringBuilder out, Set<Node> quoted, Set<Node> starts) {
            this.out = out;
            this.quoted = quoted;
            this.starts = starts;
        }

        @Override
        public void head(Node node, int level) {
            if (starts.contains(node)) {
                newLine();
            }
            if (quoted.contains(node)) {
                depth++;
            }
            if (node instanceof TextNode t) {
                boolean pre = t.parent() instanceof Element p && "pre".equals(p.tagName());
                text(pre ? t.getWholeText() : collapse(t.getWholeText()), pre);
            } else if (node instanceof Element e && ("br".equals(e.tagName()) || BLOCKS.contains(e.tagName()))) {
                newLine();
            }
        }

        @Override
        public void tail(Node node, int level) {
            if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
                newLine();
            }
            if (quoted.contains(node)) {
                depth--;
            }
            if (starts.contains(node)) {
                newLine();
            }
        }

        private void text(String s, boolean pre) {
            if (depth == 0) {
                out.append(s);
                return;
            }
            String prefix = ">".repeat(depth) + " ";
            String[] lines = s.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append('\n');
                }
                String line = lines[i];
                if (atLineStart()) {
                    line = pre ? line : line.stripLeading();
                    if (!line.isEmpty() || i < lines.length - 1) {
                        out.append(prefix);
                    }
                }
                out.append(line);
            }
        }

        private boolean atLineStart() {
            return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
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

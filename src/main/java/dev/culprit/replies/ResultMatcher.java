package dev.culprit.replies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which result a reply is about: the In-Reply-To Message-ID when culprit sent it; otherwise
 * the last Message-ID culprit sent in References; otherwise a {@code Result key: KEY} line in the
 * reply's whole text, quoted original included ({@link IncomingReply#text()}: in an HTML-only reply
 * too, whose quoted blocks are kept there); otherwise it cannot tell.
 */
public final class ResultMatcher {
    /** References longer than this are read from their end only (each id may cost a store lookup). */
    public static final int MAX_REFERENCES = 50;
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s@]+@[^<>\\s@]+)>");
    private static final Pattern KEY_LINE = Pattern.compile(
            "^[>\\s]*Result key:\\s*([0-9a-fA-F]{24})\\s*$", Pattern.MULTILINE);
    private final Predicate<String> sentByCulprit;

    /** @param sentByCulprit whether a Message-ID (with its angle brackets) is one culprit sent */
    public ResultMatcher(Predicate<String> sentByCulprit) {
        this.sentByCulprit = sentByCulprit;
    }

    /**
     * @param inReplyTo the In-Reply-To value, or null
     * @param references the References value, or null
     * @param text the whole text of the reply, quoted original included (never only its own text)
     */
    public ReplyTarget match(String inReplyTo, String references, String text) {
        for (String id : ids(inReplyTo)) {
            if (sentByCulprit.test(id)) {
                return new ReplyTarget.MessageId(id, "In-Reply-To");
            }
        }
        List<String> refs = ids(references);
        for (int i = refs.size() - 1; i >= Math.max(0, refs.size() - MAX_REFERENCES); i--) {
            if (sentByCulprit.test(refs.get(i))) {
                return new ReplyTarget.MessageId(refs.get(i), "References");
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = KEY_LINE.matcher(text == null ? "" : text);
        while (m.find()) {
            keys.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (keys.size() == 1) {
            return new ReplyTarget.Key(keys.iterator().next());
        }
        if (keys.size() > 1) {
            return new ReplyTarget.Unknown("the text names " + keys.size() + " result keys ("
                    + String.join(", ", keys) + ") and the reply names no message culprit sent");
        }
        return new ReplyTarget.Unknown("the reply names no message culprit sent (In-Reply-To, References)"
                + " and its text no \"Result key:\" line");
    }

    /** The Message-IDs in a header value, in order, without duplicates. */
    static List<String> ids(String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = MESSAGE_ID.matcher(HeaderText.unfold(value));
        while (m.find()) {
            ids.add("<" + m.group(1) + ">");
        }
        return new ArrayList<>(ids);
    }
}

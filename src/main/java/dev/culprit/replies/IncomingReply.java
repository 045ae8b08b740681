package dev.culprit.replies;

import java.util.List;

/**
 * One mail read from the replies folder, as the mailbox edge hands it over: its identity, the
 * headers that decide who is speaking and whether it may be answered, and its text. Every string
 * is as received (hostile); nothing here has been checked.
 *
 * @param messageId the Message-ID header's value as written, or null when the mail has none
 * @param digest the SHA-256 of the mail's bytes in lower-case hex, used as its identity when it has
 *        no Message-ID
 * @param size the mail's size in bytes as the server reported it
 * @param headers the headers the loop guard reads (From addresses among them)
 * @param authenticationResults every {@code Authentication-Results} header, topmost first
 * @param subject the decoded Subject, or null
 * @param inReplyTo the In-Reply-To header as written, or null
 * @param references the References header as written (several joined by a space), or null
 * @param text the reply's whole body as plain text, quoted original included (an HTML-only reply
 *        already turned into text, each line of its quoted blocks starting with {@code >}), where
 *        the quoted {@code Result key:} line is looked for; null when {@code problem} is set
 * @param ownText the reply's own text, before its quoted original (see {@link ReplyBody}), the only
 *        text commands are read from; null when {@code problem} is set
 * @param problem why the mail cannot be read (malformed MIME, no text part, over
 *        {@code replies.max-bytes}), or null when it can
 * @param oversized whether the problem is that the mail is over {@code replies.max-bytes} (its
 *        headers were still read, so an authenticated sender can be told)
 */
public record IncomingReply(String messageId, String digest, long size, IncomingHeaders headers,
        List<String> authenticationResults, String subject, String inReplyTo, String references, String text,
        String ownText, String problem, boolean oversized) {
    public IncomingReply {
        authenticationResults = List.copyOf(authenticationResults);
    }

    /** A reply whose {@code text} is a plain-text body: its own text is read from it by {@link ReplyText}. */
    public IncomingReply(String messageId, String digest, long size, IncomingHeaders headers,
            List<String> authenticationResults, String subject, String inReplyTo, String references, String text,
            String problem, boolean oversized) {
        this(messageId, digest, size, headers, authenticationResults, subject, inReplyTo, references, text,
                text == null ? null : ReplyText.ownText(text), problem, oversized);
    }

    public boolean readable() {
        return problem == null;
    }
}

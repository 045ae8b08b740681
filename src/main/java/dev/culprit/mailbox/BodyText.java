package dev.culprit.mailbox;

import dev.culprit.replies.HtmlReplyText;
import dev.culprit.replies.ReplyBody;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The text of a reply: its first {@code text/plain} part, else its first {@code text/html} part
 * turned into text by {@link HtmlReplyText} (its whole text with the quoted blocks marked, and its
 * own text without them). Attachments (a part with
 * {@code Content-Disposition: attachment} or a file name) and attached mails
 * ({@code message/rfc822}) are not read; in a {@code multipart/alternative} the plain text is
 * preferred to the HTML, wherever it stands.
 */
final class BodyText {
    /** Deeper nesting than this is not a reply a person wrote. */
    private static final int MAX_DEPTH = 16;

    private String plain;
    private String html;

    private BodyText() {}

    /**
     * The reply's whole text and own text.
     *
     * @throws MimeProblem naming the header at fault when a part cannot be read or there is no text
     */
    static ReplyBody of(MimePart mail) throws MimeProblem {
        BodyText body = new BodyText();
        String top = body.walk(mail, 0);
        if (body.plain != null) {
            return ReplyBody.plain(body.plain);
        }
        if (body.html != null) {
            return ReplyBody.html(body.html);
        }
        throw new MimeProblem("no text/plain or text/html part to read (Content-Type: " + top + ")");
    }

    /** Looks for the texts in {@code part} and below; returns its media type. */
    private String walk(MimePart part, int depth) throws MimeProblem {
        ContentType type = contentType(part);
        String media = type.getBaseType().toLowerCase(Locale.ROOT);
        if (depth > MAX_DEPTH) {
            throw new MimeProblem("Content-Type: " + media + " nested more than " + MAX_DEPTH + " parts deep");
        }
        if (attachment(part) || media.equals("message/rfc822")) {
            return media;
        }
        if (media.startsWith("multipart/")) {
            walkChildren(part, media, depth);
        } else if (media.equals("text/plain") && plain == null) {
            plain = text(part, type);
        } else if (media.equals("text/html") && html == null) {
            html = text(part, type);
        }
        return media;
    }

    private void walkChildren(MimePart part, String media, int depth) throws MimeProblem {
        try {
            MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
            int count = multipart.getCount();
            for (int i = 0; i < count; i++) {
                if (!(multipart.getBodyPart(i) instanceof MimePart child)) {
                    continue;
                }
                walk(child, depth + 1);
            }
        } catch (MessagingException e) {
            throw new MimeProblem("Content-Type: " + media + " cannot be read: " + e.getMessage());
        }
    }

    private static ContentType contentType(MimePart part) throws MimeProblem {
        String value = null;
        try {
            value = part.getHeader("Content-Type", null);
            return value == null ? new ContentType("text/plain") : new ContentType(value);
        } catch (ParseException e) {
            throw new MimeProblem("Content-Type: cannot read \"" + shown(value) + "\": " + e.getMessage());
        } catch (MessagingException e) {
            throw new MimeProblem("Content-Type: cannot be read: " + e.getMessage());
        }
    }

    private static boolean attachment(MimePart part) throws MimeProblem {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        } catch (MessagingException e) {
            throw new MimeProblem("Content-Disposition: cannot be read: " + e.getMessage());
        }
    }

    private static String text(MimePart part, ContentType type) throws MimeProblem {
        String encoding = null;
        try {
            encoding = part.getEncoding();
            try (InputStream in = part.getInputStream()) {
                return TextDecoding.decode(in.readAllBytes(), type.getParameter("charset"));
            }
        } catch (MessagingException | IOException e) {
            throw new MimeProblem("Content-Transfer-Encoding: " + (encoding == null ? "(none)" : shown(encoding))
                    + " of a " + type.getBaseType().toLowerCase(Locale.ROOT) + " part cannot be decoded: " + e.getMessage());
        }
    }

    /** A header value for a log line: control characters replaced, cut at 100 characters. */
    static String shown(String value) {
        return shown(value, 100);
    }

    /** A text for a log line: control characters replaced, cut at {@code limit} characters. */
    static String shown(String value, int limit) {
        if (value == null) {
            return "";
        }
        String s = value.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return s.length() > limit ? s.substring(0, limit) + "..." : s;
    }
}

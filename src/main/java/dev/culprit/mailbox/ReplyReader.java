package dev.culprit.mailbox;

import dev.culprit.model.Sha256;
import dev.culprit.replies.IncomingHeaders;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyBody;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Turns a mail's bytes into an {@link IncomingReply}: its identity, the headers that decide who is
 * speaking and whether it may be answered, and its text ({@link BodyText}). Nothing is judged
 * here; a mail whose MIME cannot be read, or that has no text, gets a {@code problem} naming the
 * header at fault. A mail over {@code replies.max-bytes} is read from its headers alone.
 */
public final class ReplyReader {
    private final Session session;
    private final long maxBytes;

    public ReplyReader(long maxBytes) {
        Properties p = new Properties();
        // RFC 6532: header values in UTF-8 are read as such, not byte by byte
        p.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(p);
        this.maxBytes = maxBytes;
    }

    /** A whole mail, as fetched. */
    public IncomingReply read(byte[] raw) {
        if (raw.length > maxBytes) {
            return oversized(headerBlock(raw), raw.length);
        }
        MimeMessage mail;
        try {
            mail = new MimeMessage(session, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            return reply(name -> null, Sha256.hex(raw), raw.length, null, "the header block cannot be read: " + e.getMessage(),
                    false);
        }
        Headers headers = mail::getHeader;
        try {
            return reply(headers, Sha256.hex(raw), raw.length, BodyText.of(mail), null, false);
        } catch (MimeProblem e) {
            return reply(headers, Sha256.hex(raw), raw.length, null, e.getMessage(), false);
        }
    }

    /**
     * A mail over {@code replies.max-bytes}, from its header block alone (its body is never
     * fetched); the digest is that of the header block.
     *
     * @param headerBlock the header lines as the server gave them
     * @param size the mail's size as the server reported it
     */
    public IncomingReply oversized(byte[] headerBlock, long size) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(headerBlock), true);
        } catch (MessagingException e) {
            headers = new InternetHeaders();
        }
        return reply(headers::getHeader, Sha256.hex(headerBlock), size, null, "the mail is " + size
                + " bytes, over replies.max-bytes (" + maxBytes + "); only its headers were read", true);
    }

    public long maxBytes() {
        return maxBytes;
    }

    private IncomingReply reply(Headers h, String digest, long size, ReplyBody body, String problem, boolean oversized) {
        String contentType = first(h, "Content-Type");
        IncomingHeaders headers = new IncomingHeaders(all(h, "Auto-Submitted"), all(h, "Precedence"), all(h, "Return-Path"),
                contentType, fromAddresses(all(h, "From")));
        return new IncomingReply(first(h, "Message-ID"), digest, size, headers, all(h, "Authentication-Results"),
                subject(first(h, "Subject")), first(h, "In-Reply-To"), joined(all(h, "References")),
                body == null ? null : body.text(), body == null ? null : body.ownText(), problem, oversized);
    }

    /** Every value of a header, unfolded, in the order of the mail (topmost first). */
    private static List<String> all(Headers h, String name) {
        String[] values;
        try {
            values = h.get(name);
        } catch (MessagingException e) {
            return List.of();
        }
        return values == null ? List.of() : Arrays.stream(values).map(v -> MimeUtility.unfold(v).strip()).toList();
    }

    private static String first(Headers h, String name) {
        List<String> values = all(h, name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(" ", values);
    }

    private static String subject(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(raw);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }

    /** The addr-specs of every From header; none when one cannot be read (the sender is then unknown). */
    private static List<String> fromAddresses(List<String> values) {
        List<String> addresses = new ArrayList<>();
        for (String value : values) {
            try {
                for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                    if (a.getAddress() != null && !a.getAddress().isBlank()) {
                        addresses.add(a.getAddress());
                    }
                }
            } catch (AddressException e) {
                return List.of();
            }
        }
        return addresses;
    }

    /** The bytes before the first empty line. */
    static byte[] headerBlock(byte[] raw) {
        String latin = new String(raw, 0, (int) Math.min(raw.length, 256 * 1024), StandardCharsets.ISO_8859_1);
        int crlf = latin.indexOf("\r\n\r\n");
        int lf = latin.indexOf("\n\n");
        if (crlf < 0 && lf < 0) {
            return Arrays.copyOf(raw, latin.length());
        }
        boolean crlfFirst = crlf >= 0 && (lf < 0 || crlf < lf);
        return Arrays.copyOf(raw, crlfFirst ? crlf + 2 : lf + 1);
    }

    @FunctionalInterface
    private interface Headers {
        String[] get(String name) throws MessagingException;
    }
}

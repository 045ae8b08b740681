package dev.culprit.mail;

import dev.culprit.model.Recipient;
import dev.culprit.recipients.Address;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds the complete RFC 5322 message: headers written in code from {@link MessageHeaders}
 * (non-ASCII words RFC 2047-encoded, long headers folded), then a {@code text/plain;
 * charset=UTF-8} body sent as {@code 8bit}: never quoted-printable, base64, HTML or multipart, so
 * kernel readers can quote it.
 *
 * <p>The same headers and body always give the same bytes. Lines end in CRLF; body lines are at
 * most {@value #MAX_LINE_OCTETS} octets (longer ones are wrapped at a character boundary); control
 * characters other than tab are removed from the body.
 */
public final class MessageComposer {
    public static final int MAX_LINE_OCTETS = 998;
    /** RFC 5322 specials: a display name containing one is quoted. Spaces need no quotes in a phrase. */
    private static final String PHRASE_SPECIALS = "()<>@,;:\\\".[]";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    public byte[] compose(MessageHeaders h, String body) {
        StringBuilder head = new StringBuilder();
        header(head, "Date", DATE.format(h.date()));
        header(head, "From", address(h.from()));
        if (h.to().isEmpty()) {
            header(head, "To", "undisclosed-recipients:;");
        } else {
            header(head, "To", addressList(h.to()));
        }
        if (!h.cc().isEmpty()) {
            header(head, "Cc", addressList(h.cc()));
        }
        if (h.replyTo() != null) {
            header(head, "Reply-To", address(h.replyTo()));
        }
        header(head, "Subject", text(h.subject()));
        header(head, "Message-ID", h.messageId());
        if (h.inReplyTo() != null) {
            header(head, "In-Reply-To", h.inReplyTo());
        }
        if (!h.references().isEmpty()) {
            header(head, "References", String.join(" ", h.references()));
        } else if (h.inReplyTo() != null) {
            header(head, "References", h.inReplyTo());
        }
        header(head, "MIME-Version", "1.0");
        header(head, "Content-Type", "text/plain; charset=UTF-8");
        header(head, "Content-Transfer-Encoding", "8bit");
        header(head, "Auto-Submitted", h.autoReplied() ? "auto-replied" : "auto-generated");
        header(head, "X-Culprit-Key", h.key());
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length() * 2);
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body(body));
        return out.toByteArray();
    }

    /** {@code addr} or {@code Name <addr>}, the name quoted or RFC 2047-encoded as needed. */
    static String address(Address a) {
        if (a.name() == null) {
            return a.addrSpec();
        }
        return phrase(a.name()) + " <" + a.addrSpec() + ">";
    }

    static String address(Recipient r) {
        return address(new Address(r.address(), r.name()));
    }

    private static String addressList(List<Recipient> list) {
        StringBuilder b = new StringBuilder();
        for (Recipient r : list) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(address(r));
        }
        return b.toString();
    }

    private static String phrase(String name) {
        if (isAscii(name)) {
            return MimeUtility.quote(name, PHRASE_SPECIALS);
        }
        try {
            return MimeUtility.encodeWord(name, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is missing from this JVM", e);
        }
    }

    private static String text(String s) {
        if (isAscii(s)) {
            return s;
        }
        try {
            return MimeUtility.encodeText(s, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is missing from this JVM", e);
        }
    }

    private static void header(StringBuilder b, String name, String value) {
        if (!isAscii(value) || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new IllegalArgumentException(name + ": header value must be printable ASCII: " + value);
        }
        b.append(MimeUtility.fold(0, name + ": " + value).replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n");
    }

    /**
     * The body as UTF-8 with CRLF line ends, control characters (except tab) removed, lines of more
     * than {@value #MAX_LINE_OCTETS} octets wrapped at a character boundary, and a final line end.
     * Written in one pass over the text: a report is tens of kilobytes, and every log makes one.
     */
    static byte[] body(String text) {
        int n = text.length();
        // a character writes at most a line end and four octets; the last line end two more
        byte[] out = new byte[n + n / 8 + 8];
        int o = 0;
        int lineOctets = 0;
        boolean lineOpen = false;
        for (int i = 0; i < n; i++) {
            if (o + 8 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                if (c == '\r') {
                    i++;
                }
                o = lineEnd(out, o);
                lineOctets = 0;
                lineOpen = false;
                continue;
            }
            lineOpen = true;
            if (removed(c)) {
                continue;
            }
            int cp = codePointAt(text, i);
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
            int len = utf8Length(cp);
            if (lineOctets + len > MAX_LINE_OCTETS) {
                o = lineEnd(out, o);
                lineOctets = 0;
            }
            o = utf8(out, o, cp, len);
            lineOctets += len;
        }
        if (lineOpen) {
            o = lineEnd(out, o);
        }
        return Arrays.copyOf(out, o);
    }

    /** Control characters other than tab, C1 controls and the Unicode line and paragraph separators. */
    private static boolean removed(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029;
    }

    /** The code point at {@code i}: a surrogate pair's, or {@code ?} for a lone surrogate. */
    private static int codePointAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return Character.toCodePoint(c, text.charAt(i + 1));
        }
        return Character.isSurrogate(c) ? '?' : c;
    }

    /** Writes CRLF at {@code o}; returns the position after it. */
    private static int lineEnd(byte[] out, int o) {
        out[o] = '\r';
        out[o + 1] = '\n';
        return o + 2;
    }

    /** Writes the code point's {@code len} UTF-8 octets at {@code o}; returns the position after them. */
    private static int utf8(byte[] out, int o, int cp, int len) {
        if (len == 1) {
            out[o++] = (byte) cp;
        } else if (len == 2) {
            out[o++] = (byte) (0xc0 | cp >> 6);
            out[o++] = (byte) (0x80 | cp & 0x3f);
        } else if (len == 3) {
            out[o++] = (byte) (0xe0 | cp >> 12);
            out[o++] = (byte) (0x80 | cp >> 6 & 0x3f);
            out[o++] = (byte) (0x80 | cp & 0x3f);
        } else {
            out[o++] = (byte) (0xf0 | cp >> 18);
            out[o++] = (byte) (0x80 | cp >> 12 & 0x3f);
            out[o++] = (byte) (0x80 | cp >> 6 & 0x3f);
            out[o++] = (byte) (0x80 | cp & 0x3f);
        }
        return o;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}

package dev.culprit.mail;

import dev.culprit.model.Recipient;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites the To and Cc headers of a message {@link MessageComposer} built, leaving every other
 * header (Message-ID included) and the body byte for byte as they were. Used when addresses
 * must leave a mail already in the outbox (an opt-out).
 */
public final class RecipientHeaders {
    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private RecipientHeaders() {}

    /**
     * @param message a complete message with CRLF line ends
     * @param to the new To recipients (none: {@code undisclosed-recipients:;})
     * @param cc the new Cc recipients (none: no Cc header)
     * @throws IllegalArgumentException when the message has no header block or no To header
     */
    public static byte[] rewrite(byte[] message, List<Recipient> to, List<Recipient> cc) {
        int end = indexOf(message, END_OF_HEADERS);
        if (end < 0) {
            throw new IllegalArgumentException("not a message: no end of the header block");
        }
        String head = new String(message, 0, end + 2, StandardCharsets.US_ASCII);
        List<String> fields = new ArrayList<>();
        for (String line : head.split("\r\n")) {
            if (!fields.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
            } else {
                fields.add(line);
            }
        }
        StringBuilder b = new StringBuilder(head.length());
        boolean wroteTo = false;
        for (String f : fields) {
            String name = f.substring(0, Math.max(0, f.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
            if (name.equals("to")) {
                header(b, "To", to.isEmpty() ? "undisclosed-recipients:;" : list(to));
                if (!cc.isEmpty()) {
                    header(b, "Cc", list(cc));
                }
                wroteTo = true;
            } else if (!name.equals("cc")) {
                b.append(f).append("\r\n");
            }
        }
        if (!wroteTo) {
            throw new IllegalArgumentException("not a message culprit composed: no To header");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length);
        out.writeBytes(b.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(message, end + 2, message.length - end - 2);
        return out.toByteArray();
    }

    private static String list(List<Recipient> recipients) {
        StringBuilder b = new StringBuilder();
        for (Recipient r : recipients) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(MessageComposer.address(r));
        }
        return b.toString();
    }

    private static void header(StringBuilder b, String name, String value) {
        b.append(MimeUtility.fold(0, name + ": " + value).replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n");
    }

    private static int indexOf(byte[] a, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= a.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (a[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

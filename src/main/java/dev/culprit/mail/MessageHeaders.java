package dev.culprit.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Small edits on the header section of stored message bytes, leaving the rest untouched. */
final class MessageHeaders {
    private MessageHeaders() {}

    /** The message with {@code Reply-To: address} added first when it has no Reply-To header. */
    static byte[] withReplyTo(byte[] message, String address) {
        if (address == null || hasHeader(message, "reply-to")) {
            return message;
        }
        byte[] h = ("Reply-To: " + address + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + message.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(message, 0, out, h.length, message.length);
        return out;
    }

    static boolean hasHeader(byte[] message, String lowerName) {
        String head = new String(message, 0, headerEnd(message), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.startsWith(lowerName + ":") || head.contains("\n" + lowerName + ":");
    }

    private static int headerEnd(byte[] m) {
        for (int i = 0; i + 1 < m.length; i++) {
            if (m[i] == '\n' && (m[i + 1] == '\n' || m[i + 1] == '\r' && i + 2 < m.length && m[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return m.length;
    }
}

package dev.culprit.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Appends messages to an mbox (mboxrd: body lines matching {@code >*From } get one more
 * {@code >}), with LF line ends, so {@code mutt -f} opens it. Used by {@code culprit preview
 * --mbox} and by dry runs.
 */
public final class MboxWriter {
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private final OutputStream out;

    public MboxWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes one message.
     *
     * @param message the RFC 5322 bytes (CRLF or LF line ends)
     * @param sender the envelope sender for the {@code From } separator line
     * @param date the date for the separator line
     */
    public void write(byte[] message, String sender, Instant date) throws IOException {
        out.write(("From " + sender + " " + ASCTIME.format(date) + "\n").getBytes(StandardCharsets.US_ASCII));
        int start = 0;
        boolean inBody = false;
        while (start < message.length) {
            int end = start;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            int lineEnd = end > start && message[end - 1] == '\r' ? end - 1 : end;
            if (inBody && isFromLine(message, start, lineEnd)) {
                out.write('>');
            }
            if (!inBody && lineEnd == start) {
                inBody = true;
            }
            out.write(message, start, lineEnd - start);
            out.write('\n');
            start = end + 1;
        }
        out.write('\n');
    }

    /** {@code From } preceded by any number of {@code >}. */
    private static boolean isFromLine(byte[] m, int start, int end) {
        int i = start;
        while (i < end && m[i] == '>') {
            i++;
        }
        return end - i >= 5 && m[i] == 'F' && m[i + 1] == 'r' && m[i + 2] == 'o' && m[i + 3] == 'm' && m[i + 4] == ' ';
    }
}

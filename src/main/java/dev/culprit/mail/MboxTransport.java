package dev.culprit.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The dry-run transport: every message is written in mbox format (a {@code From } line,
 * LF line ends, body lines starting with {@code From } quoted) to a stream, standard output or
 * an mbox file. It never opens a socket.
 */
public final class MboxTransport implements MailTransport {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private final OutputStream out;
    private final String envelopeFrom;
    private final String where;

    /**
     * @param out where the messages go; flushed after each, never closed here
     * @param where a description for logs
     */
    public MboxTransport(OutputStream out, String envelopeFrom, String where) {
        this.out = out;
        this.envelopeFrom = envelopeFrom == null ? "MAILER-DAEMON" : envelopeFrom;
        this.where = where;
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public SendOutcome send(byte[] message, List<String> recipients) throws DeliveryException {
                try {
                    write(message, recipients);
                } catch (IOException e) {
                    throw new DeliveryException(new SmtpFailure(SmtpFailure.Kind.SETUP, 0,
                            "cannot write to " + where + ": " + e.getMessage()), e);
                }
                return SendOutcome.allAccepted(recipients);
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
                // the stream belongs to the caller
            }
        };
    }

    private synchronized void write(byte[] message, List<String> recipients) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("From ").append(envelopeFrom).append(' ')
                .append(ASCTIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append('\n');
        b.append("X-Culprit-Envelope-To: ").append(String.join(", ", recipients)).append('\n');
        String text = new String(message, StandardCharsets.UTF_8).replace("\r\n", "\n");
        for (String line : text.split("\n", -1)) {
            if (line.matches(">*From .*")) {
                b.append('>');
            }
            b.append(line).append('\n');
        }
        if (!text.endsWith("\n")) {
            b.append('\n');
        }
        b.append('\n');
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

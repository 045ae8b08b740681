package dev.culprit.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The dry-run transport: every message is written in mbox format ({@link MboxWriter}) to a
 * stream, standard output or an mbox file, with its envelope recipients in a first
 * {@code X-Culprit-Envelope-To} line. It never opens a socket.
 */
public final class MboxTransport implements MailTransport {
    private final OutputStream out;
    private final MboxWriter writer;
    private final String envelopeFrom;
    private final String where;

    /**
     * @param out where the messages go; flushed after each, never closed here
     * @param where a description for logs
     */
    public MboxTransport(OutputStream out, String envelopeFrom, String where) {
        this.out = out;
        this.writer = new MboxWriter(out);
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
        // the envelope is shown as a first header line: after the send-time policy it can be
        // narrower than To and Cc
        byte[] envelope = ("X-Culprit-Envelope-To: " + String.join(", ", recipients) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] shown = new byte[envelope.length + message.length];
        System.arraycopy(envelope, 0, shown, 0, envelope.length);
        System.arraycopy(message, 0, shown, envelope.length, message.length);
        writer.write(shown, envelopeFrom, Instant.now());
        out.flush();
    }
}

package dev.culprit.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * SMTP delivery through Eclipse Angus Mail: STARTTLS required, implicit TLS, or (explicitly)
 * none; connect, read and write timeouts always set; partial sends so that one refused address
 * does not stop the others. The stored message bytes are sent as they are: the Message-ID is
 * never regenerated.
 */
public final class SmtpTransport implements MailTransport {
    /** The system property Jakarta Mail reads before it searches the class path for a stream provider. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks up its stream provider each time a message is parsed or written:
        // without this property, by a ServiceLoader scan of the whole class path, which costs
        // more than the SMTP exchange on a fast server and serialises threads on the jar files.
        // Angus Mail, on the class path, is the provider that scan would find.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final SmtpSettings settings;
    private final String password;
    private final SmtpErrorClassifier classifier;
    private final Session session;

    /**
     * @param password the password for {@code settings.username()}, or null without
     *     authentication
     */
    public SmtpTransport(SmtpSettings settings, String password, SmtpErrorClassifier classifier) {
        this.settings = settings;
        this.password = password;
        this.classifier = classifier;
        this.session = Session.getInstance(properties(settings));
    }

    static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(s.writeTimeout().toMillis()));
        p.setProperty("mail.smtp.sendpartial", "true");
        p.setProperty("mail.smtp.quitwait", "false");
        p.setProperty("mail.smtp.auth", Boolean.toString(s.username() != null));
        if (s.ehloName() != null) {
            p.setProperty("mail.smtp.localhost", s.ehloName());
        }
        if (s.envelopeFrom() != null) {
            p.setProperty("mail.smtp.from", s.envelopeFrom());
        }
        switch (s.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> p.setProperty("mail.smtp.starttls.enable", "false");
        }
        return p;
    }

    @Override
    public String describe() {
        return "smtp://" + settings.host() + ":" + settings.port() + " (" + settings.security().name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public Connection open() throws DeliveryException {
        try {
            Transport t = session.getTransport("smtp");
            t.connect(settings.host(), settings.port(), settings.username(), password);
            return new SmtpConnection(t);
        } catch (MessagingException e) {
            throw new DeliveryException(classifier.classify(e), e);
        }
    }

    private final class SmtpConnection implements Connection {
        private final Transport transport;

        SmtpConnection(Transport transport) {
            this.transport = transport;
        }

        @Override
        public SendOutcome send(byte[] message, List<String> recipients) throws DeliveryException {
            MimeMessage m;
            Address[] to = new Address[recipients.size()];
            try {
                m = new StoredMessage(session, message);
                for (int i = 0; i < to.length; i++) {
                    to[i] = new InternetAddress(recipients.get(i), true);
                }
            } catch (AddressException e) {
                throw new DeliveryException(new SmtpFailure(SmtpFailure.Kind.PERMANENT, 0, "invalid address: " + e.getMessage()), e);
            } catch (MessagingException e) {
                throw new DeliveryException(new SmtpFailure(SmtpFailure.Kind.PERMANENT, 0, "unreadable message: " + e.getMessage()), e);
            }
            try {
                transport.sendMessage(m, to);
                return SendOutcome.allAccepted(recipients);
            } catch (SendFailedException e) {
                return partial(e, recipients);
            } catch (MessagingException e) {
                throw new DeliveryException(classifier.classify(e), e);
            }
        }

        /**
         * A send that failed for some or all addresses. Refusals of single addresses at RCPT are
         * per address; a failure of the message itself (MAIL FROM, DATA) is thrown.
         */
        private SendOutcome partial(SendFailedException e, List<String> recipients) throws DeliveryException {
            Map<String, SmtpFailure> refused = new LinkedHashMap<>();
            Exception n = e;
            for (int guard = 0; n != null && guard < 10_000; guard++) {
                if (n instanceof SMTPAddressFailedException a) {
                    refused.put(a.getAddress().getAddress(), classifier.classify(a));
                }
                n = n instanceof MessagingException me ? me.getNextException() : null;
            }
            List<String> sent = new ArrayList<>();
            if (e.getValidSentAddresses() != null) {
                for (Address a : e.getValidSentAddresses()) {
                    sent.add(((InternetAddress) a).getAddress());
                }
            }
            if (sent.isEmpty() && refused.size() < recipients.size()) {
                // nothing was sent and not every address was refused on its own: the message
                // itself failed (MAIL FROM or DATA), classify the whole
                throw new DeliveryException(classifier.classify(e), e);
            }
            List<String> accepted = new ArrayList<>();
            for (String r : recipients) {
                if (sent.stream().anyMatch(s -> s.equalsIgnoreCase(r))) {
                    accepted.add(r);
                } else if (refused.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(r))) {
                    refused.put(r, classifier.classify(e));
                }
            }
            return new SendOutcome(accepted, refused);
        }

        @Override
        public boolean isOpen() {
            return transport.isConnected();
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // closing a connection that already failed; the failure was reported when it happened
                org.slf4j.LoggerFactory.getLogger(SmtpTransport.class).debug("closing {}: {}", describe(), e.getMessage());
            }
        }
    }

    /**
     * The stored message as Angus Mail sends it: the bytes written are the stored ones, as they
     * are (Angus escapes leading dots); the message is parsed only for Angus to read its headers,
     * its body shared with the stored bytes rather than copied.
     */
    private static final class StoredMessage extends MimeMessage {
        private final byte[] stored;

        StoredMessage(Session session, byte[] message) throws MessagingException {
            super(session, new SharedByteArrayInputStream(message));
            this.stored = message;
        }

        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
            // the stored message has no Bcc or Content-Length header for ignoreList to leave out
            os.write(stored);
        }
    }
}

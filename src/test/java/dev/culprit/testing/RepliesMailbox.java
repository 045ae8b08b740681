package dev.culprit.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.mail.SmtpSecurity;
import dev.culprit.mailbox.ImapMailbox;
import dev.culprit.mailbox.ReplySettings;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The replies mailbox of the tests: GreenMail with SMTP and IMAP on dynamic ports, one user
 * ({@value #ADDRESS}, login {@value #LOGIN}). Mails are handed in over SMTP byte for byte as the
 * fixtures hold them and looked at over IMAP.
 */
public final class RepliesMailbox {
    public static final String ADDRESS = "culprit@example.org";
    public static final String LOGIN = "culprit";
    public static final String PASSWORD = "s3cret";
    public static final String AUTHSERV_ID = "mx.example.org";

    private final GreenMailExtension greenMail;

    public RepliesMailbox(GreenMailExtension greenMail) {
        this.greenMail = greenMail;
    }

    /** GreenMail with SMTP and IMAP on dynamic ports and the mailbox's user. */
    public static GreenMailExtension greenMail() {
        ServerSetup[] setups = GreenMailSetups.patient(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        return new GreenMailExtension(setups)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(ADDRESS, LOGIN, PASSWORD));
    }

    /** The replies section for this mailbox, with {@code extra} YAML-free overrides left to the caller. */
    public ReplySettings settings() {
        return settings(1024L * 1024);
    }

    public ReplySettings settings(long maxBytes) {
        return new ReplySettings("127.0.0.1", greenMail.getImap().getPort(), SmtpSecurity.NONE, LOGIN, null,
                "CULPRIT_IMAP_PASSWORD", null, null, null, null, AUTHSERV_ID, maxBytes, null, null, null, null, null);
    }

    public ImapMailbox mailbox(ReplySettings settings) {
        return new ImapMailbox(settings, PASSWORD);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** The YAML of the section, for a configuration file. */
    public String yaml(String passwordFile) {
        return """
                replies:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  username: %s
                  password-file: %s
                  authserv-id: %s
                """.formatted(greenMail.getImap().getPort(), LOGIN, passwordFile, AUTHSERV_ID);
    }

    /** Hands the mail in over SMTP as it is (no header added or changed by the client). */
    public void deliver(byte[] raw) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, new InternetAddress[] {new InternetAddress(ADDRESS)});
        }
    }

    public void deliverFixture(String name) throws MessagingException, IOException {
        deliver(fixture(name));
    }

    public static byte[] fixture(String name) throws IOException {
        try (InputStream in = RepliesMailbox.class.getResourceAsStream("/replies/" + name)) {
            if (in == null) {
                throw new IOException("no fixture /replies/" + name);
            }
            return in.readAllBytes();
        }
    }

    /** The Message-IDs (or "(none)") of the mails in a folder, by its name on the server; empty when it does not exist. */
    public List<String> messageIds(String serverName) throws MessagingException {
        try (Store store = mailbox(settings()).connect()) {
            Folder f = store.getFolder(serverName);
            if (!f.exists()) {
                return List.of();
            }
            f.open(Folder.READ_ONLY);
            try {
                List<String> ids = new ArrayList<>();
                for (Message m : f.getMessages()) {
                    String[] id = m.getHeader("Message-ID");
                    ids.add(id == null ? "(none)" : id[0]);
                }
                return ids;
            } finally {
                f.close(false);
            }
        }
    }

    public boolean exists(String serverName) throws MessagingException {
        try (Store store = mailbox(settings()).connect()) {
            return store.getFolder(serverName).exists();
        }
    }
}

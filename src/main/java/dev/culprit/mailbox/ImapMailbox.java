package dev.culprit.mailbox;

import dev.culprit.mail.SmtpSecurity;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/**
 * The replies mailbox on the IMAP server of the {@code replies} section, through Jakarta Mail's
 * IMAP provider (Eclipse Angus): connect and read timeouts always set, STARTTLS required when
 * asked for, the server's name checked against its certificate. Folder names of the configuration
 * use {@code /} between levels, whatever separator the server uses.
 */
public final class ImapMailbox {
    private final ReplySettings settings;
    private final String password;
    private final Session session;

    /** @param password the login's password (read from {@code password-file} or {@code password-env}) */
    public ImapMailbox(ReplySettings settings, String password) {
        this.settings = settings;
        this.password = password;
        this.session = Session.getInstance(properties(settings));
    }

    /** The same mailbox with another read timeout (for a connection that waits in IDLE). */
    ImapMailbox withReadTimeout(java.time.Duration timeout) {
        ReplySettings s = settings;
        return new ImapMailbox(new ReplySettings(s.host(), s.port(), s.security(), s.username(), s.passwordFile(),
                s.passwordEnv(), s.folder(), s.doneFolder(), s.failedFolder(), s.pollInterval(), s.authservId(), s.maxBytes(),
                s.requireAuthentication(), s.answersPerHour(), s.answersPerHourTotal(), s.connectTimeout(), timeout), password);
    }

    public ReplySettings settings() {
        return settings;
    }

    /** {@code imap.example.org:993 (tls, user culprit)}, never the password. */
    public String describe() {
        return settings.host() + ":" + settings.port() + " (" + settings.security().name().toLowerCase(java.util.Locale.ROOT)
                + ", user " + settings.username() + ")";
    }

    static String protocol(ReplySettings s) {
        return s.security() == SmtpSecurity.TLS ? "imaps" : "imap";
    }

    static Properties properties(ReplySettings s) {
        String prefix = "mail." + protocol(s) + ".";
        Properties p = new Properties();
        p.setProperty(prefix + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty(prefix + "peek", "true");
        if (s.security() == SmtpSecurity.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (s.security() != SmtpSecurity.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** A connected, logged-in store; the caller closes it. */
    public Store connect() throws MessagingException {
        Store store = session.getStore(protocol(settings));
        store.connect(settings.host(), settings.port(), settings.username(), password);
        return store;
    }

    /** The folder a configured name names on this server (not opened, perhaps not existing). */
    public static Folder folder(Store store, String configured) throws MessagingException {
        if (configured.equalsIgnoreCase("INBOX") || !configured.contains("/")) {
            return store.getFolder(configured);
        }
        char separator = store.getDefaultFolder().getSeparator();
        return store.getFolder(configured.replace('/', separator));
    }

    /**
     * The folder, created first when it does not exist.
     *
     * @return whether it was created
     * @throws MessagingException when it does not exist and cannot be created
     */
    public static boolean ensure(Store store, String configured) throws MessagingException {
        Folder f = folder(store, configured);
        if (f.exists()) {
            return false;
        }
        if (!f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the folder " + configured);
        }
        return true;
    }
}

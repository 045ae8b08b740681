package dev.culprit.mailbox;

import dev.culprit.mail.SmtpSecurity;
import java.time.Duration;
import java.util.List;

/**
 * The {@code replies} section: the IMAP folder maintainers' replies arrive in, and how they are
 * answered. Off unless {@code host} is set.
 *
 * @param host the IMAP server; null: replies are not read
 * @param port the port; default 993 for TLS, 143 for STARTTLS and none
 * @param security {@code tls} (default), {@code starttls} or {@code none}, as for SMTP
 * @param username the login (required with a host)
 * @param passwordFile a file holding the password (relative paths are looked up in
 *     {@code $CREDENTIALS_DIRECTORY} when set)
 * @param passwordEnv an environment variable holding the password
 * @param folder the folder replies arrive in
 * @param doneFolder where handled (or refused) replies are moved; created when missing
 * @param failedFolder where replies that cannot be used are moved; created when missing
 * @param pollInterval how often the folder is read
 * @param authservId the authserv-id of the operator's own mail server in
 *     {@code Authentication-Results}; required while authentication is required
 * @param maxBytes the largest reply read whole; a larger one is judged by its headers only
 * @param requireAuthentication whether a sender is trusted only on a passing
 *     {@code Authentication-Results} of {@code authserv-id}; false takes From as it is
 * @param answersPerHour the most answers to one sender in an hour
 * @param answersPerHourTotal the most answers to everyone in an hour
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 */
public record ReplySettings(
        String host,
        Integer port,
        SmtpSecurity security,
        String username,
        String passwordFile,
        String passwordEnv,
        String folder,
        String doneFolder,
        String failedFolder,
        Duration pollInterval,
        String authservId,
        Long maxBytes,
        Boolean requireAuthentication,
        Integer answersPerHour,
        Integer answersPerHourTotal,
        Duration connectTimeout,
        Duration readTimeout) {
    public ReplySettings {
        security = security == null ? SmtpSecurity.TLS : security;
        port = port == null ? (security == SmtpSecurity.TLS ? 993 : 143) : port;
        folder = folder == null ? "INBOX" : folder;
        doneFolder = doneFolder == null ? "culprit/done" : doneFolder;
        failedFolder = failedFolder == null ? "culprit/failed" : failedFolder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        maxBytes = maxBytes == null ? 1024L * 1024 : maxBytes;
        requireAuthentication = requireAuthentication == null || requireAuthentication;
        answersPerHour = answersPerHour == null ? 10 : answersPerHour;
        answersPerHourTotal = answersPerHourTotal == null ? 100 : answersPerHourTotal;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        checkServer(host, port, username, passwordFile, passwordEnv);
        checkFolders(folder, doneFolder, failedFolder);
        if (pollInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("poll-interval: must be at least 1 s: " + pollInterval);
        }
        if (authservId != null && !authservId.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("authserv-id: not a host name such as mx.example.org: \"" + authservId + "\"");
        }
        if (host != null && requireAuthentication && authservId == null) {
            throw new IllegalArgumentException("authserv-id: required while require-authentication is true: the"
                    + " authserv-id your own mail server writes in Authentication-Results");
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("max-bytes: must be at least 1024: " + maxBytes);
        }
        if (answersPerHour < 0) {
            throw new IllegalArgumentException("answers-per-hour: must not be negative: " + answersPerHour);
        }
        if (answersPerHourTotal < 0) {
            throw new IllegalArgumentException("answers-per-hour-total: must not be negative: " + answersPerHourTotal);
        }
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
    }

    private static void checkServer(String host, int port, String username, String passwordFile, String passwordEnv) {
        if (host != null && (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f))) {
            throw new IllegalArgumentException("host: not a host name: \"" + host + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: must be within 1..65535: " + port);
        }
        if (passwordFile != null && passwordEnv != null) {
            throw new IllegalArgumentException("password-file: give password-file or password-env, not both");
        }
        if (host != null && username == null) {
            throw new IllegalArgumentException("username: required when host is set (IMAP always logs in)");
        }
        if (username != null && passwordFile == null && passwordEnv == null) {
            throw new IllegalArgumentException("username: needs password-file or password-env");
        }
    }

    private static void checkFolders(String folder, String doneFolder, String failedFolder) {
        List<String[]> named = List.of(new String[] {"folder", folder}, new String[] {"done-folder", doneFolder},
                new String[] {"failed-folder", failedFolder});
        for (String[] f : named) {
            if (f[1].isBlank() || f[1].chars().anyMatch(c -> c < ' ' || c == 0x7f) || f[1].startsWith("/")
                    || f[1].endsWith("/") || f[1].contains("//")) {
                throw new IllegalArgumentException(f[0] + ": not a folder name such as culprit/done: \"" + f[1] + "\"");
            }
        }
        if (folder.equalsIgnoreCase(doneFolder) || folder.equalsIgnoreCase(failedFolder)
                || doneFolder.equalsIgnoreCase(failedFolder)) {
            throw new IllegalArgumentException("done-folder: folder, done-folder and failed-folder must be three different"
                    + " folders: " + folder + ", " + doneFolder + ", " + failedFolder);
        }
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + ": must be positive: " + d);
        }
    }

    public static ReplySettings defaults() {
        return new ReplySettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Whether replies are read: a host is set. */
    public boolean enabled() {
        return host != null;
    }
}

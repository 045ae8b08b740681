package dev.culprit.mail;

import java.time.Duration;

/**
 * The {@code smtp} section.
 *
 * @param host the SMTP server
 * @param port the port; default 587 for STARTTLS, 465 for TLS, 25 for none
 * @param security {@code starttls} (default), {@code tls} or {@code none}
 * @param username the login, or null for no authentication
 * @param passwordFile a file holding the password (relative paths are looked up in
 *     {@code $CREDENTIALS_DIRECTORY} when set)
 * @param passwordEnv an environment variable holding the password
 * @param ehloName the name announced in EHLO; default the local host name
 * @param envelopeFrom the envelope sender (MAIL FROM), or null for the message's From
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 * @param writeTimeout write timeout
 */
public record SmtpSettings(
        String host,
        Integer port,
        SmtpSecurity security,
        String username,
        String passwordFile,
        String passwordEnv,
        String ehloName,
        String envelopeFrom,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout) {
    public SmtpSettings {
        host = host == null ? "localhost" : host;
        security = security == null ? SmtpSecurity.STARTTLS : security;
        port = port == null ? switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        } : port;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(60) : writeTimeout;
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("host: not a host name: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: must be within 1..65535: " + port);
        }
        positive("connect-timeout", connectTimeout);
        positive("read-timeout", readTimeout);
        positive("write-timeout", writeTimeout);
        if (passwordFile != null && passwordEnv != null) {
            throw new IllegalArgumentException("password-file: give password-file or password-env, not both");
        }
        if (username == null && (passwordFile != null || passwordEnv != null)) {
            throw new IllegalArgumentException("username: required when a password is given");
        }
        if (username != null && passwordFile == null && passwordEnv == null) {
            throw new IllegalArgumentException("username: needs password-file or password-env");
        }
        if (ehloName != null && !ehloName.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]")) {
            throw new IllegalArgumentException("ehlo-name: not a domain or address literal: " + ehloName);
        }
        for (String[] a : new String[][] {{"envelope-from", envelopeFrom}}) {
            if (a[1] != null && !a[1].matches("[^\\s@<>]+@[^\\s@<>]+")) {
                throw new IllegalArgumentException(a[0] + ": not a plain address: " + a[1]);
            }
        }
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + ": must be positive: " + d);
        }
    }

    public static SmtpSettings defaults() {
        return new SmtpSettings(null, null, null, null, null, null, null, null, null, null, null);
    }
}

package dev.culprit.ops;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Checks that the SMTP server can be used, without sending anything: connect, EHLO, STARTTLS and
 * authentication, one {@link Check} each. It uses the same client (Jakarta Mail / Angus) as
 * delivery, one connection per step so that each step is judged on its own, and ends every
 * connection with QUIT.
 */
public final class SmtpProbe {
    /** How the connection is protected, as in {@code smtp.security}. */
    public enum Security {
        STARTTLS, TLS, NONE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What to probe.
     *
     * @param password the password, or null when {@code username} is null
     * @param ehloName the EHLO name, or null for the local host name
     */
    public record Target(String host, int port, Security security, String username, String password, String ehloName,
            Duration timeout) {
        public Target {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            // never the password
            return host + ":" + port + " (" + security.key() + (username == null ? "" : ", user " + username) + ")";
        }
    }

    public enum Status { OK, FAILED, SKIPPED }

    /** One step: {@code smtp starttls: ok: negotiated}. */
    public record Check(String name, Status status, String detail) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }

        /** One line for the operator. */
        public String line() {
            return "smtp " + name + ": " + status.name().toLowerCase(Locale.ROOT) + ": " + detail;
        }
    }

    private SmtpProbe() {}

    /** Runs every step; a failed step skips those that depend on it. */
    public static List<Check> probe(Target t) {
        List<Check> checks = new ArrayList<>();
        String where = t.host() + ":" + t.port();

        // 1. connect and EHLO, with neither STARTTLS nor authentication
        List<String> extensions;
        try (Connection c = open(t, false, false)) {
            checks.add(new Check("connect", Status.OK, where + (t.security() == Security.TLS ? " over TLS" : "")));
            extensions = c.extensions();
            checks.add(new Check("ehlo", Status.OK, extensions.isEmpty()
                    ? "no extensions offered" : "server offers " + String.join(", ", extensions)));
        } catch (MessagingException e) {
            checks.add(new Check("connect", Status.FAILED, "cannot connect to " + where + ": " + reason(e)));
            for (String step : List.of("ehlo", "starttls", "auth")) {
                checks.add(new Check(step, Status.SKIPPED, "no connection"));
            }
            return checks;
        }

        // 2. STARTTLS, required when smtp.security is starttls
        boolean tlsOk = true;
        if (t.security() != Security.STARTTLS) {
            checks.add(new Check("starttls", Status.SKIPPED, "not used (smtp.security is " + t.security().key() + ")"));
        } else if (!extensions.contains("STARTTLS")) {
            tlsOk = false;
            checks.add(new Check("starttls", Status.FAILED, where + " does not offer STARTTLS (smtp.security is starttls;"
                    + " use tls for port 465, or none only for a relay on this host)"));
        } else {
            try (Connection c = open(t, true, false)) {
                checks.add(new Check("starttls", Status.OK, "negotiated" + c.tlsDetail()));
            } catch (MessagingException e) {
                tlsOk = false;
                checks.add(new Check("starttls", Status.FAILED, reason(e)));
            }
        }

        // 3. authentication over the connection delivery would use
        if (t.username() == null) {
            checks.add(new Check("auth", Status.SKIPPED, "no smtp.username configured"));
        } else if (!tlsOk) {
            checks.add(new Check("auth", Status.SKIPPED, "not tried without STARTTLS: the password would go in clear"));
        } else {
            try (Connection c = open(t, t.security() == Security.STARTTLS, true)) {
                // Angus skips authentication when the server offers none: that is a failure here.
                if (c.transport().supportsExtension("AUTH")) {
                    checks.add(new Check("auth", Status.OK, "logged in as " + t.username()));
                } else {
                    checks.add(new Check("auth", Status.FAILED, where + " offers no AUTH"
                            + (t.security() == Security.STARTTLS ? " after STARTTLS" : "") + ": cannot log in as " + t.username()));
                }
            } catch (AuthenticationFailedException e) {
                checks.add(new Check("auth", Status.FAILED, "login as " + t.username() + " refused: " + reason(e)));
            } catch (MessagingException e) {
                checks.add(new Check("auth", Status.FAILED, reason(e)));
            }
        }
        return checks;
    }

    /** True when no check failed. */
    public static boolean passed(List<Check> checks) {
        return checks.stream().noneMatch(c -> c.status() == Status.FAILED);
    }

    private record Connection(SMTPTransport transport) implements AutoCloseable {
        List<String> extensions() {
            List<String> found = new ArrayList<>();
            for (String ext : List.of("STARTTLS", "AUTH", "SIZE", "8BITMIME", "SMTPUTF8", "PIPELINING", "DSN")) {
                if (transport.supportsExtension(ext)) {
                    String param = transport.getExtensionParameter(ext);
                    found.add(param == null || param.isBlank() ? ext : ext + " " + param.strip());
                }
            }
            return found;
        }

        String tlsDetail() {
            return transport.isSSL() ? " (TLS)" : "";
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // QUIT failed on a connection that is being dropped anyway
            }
        }
    }

    private static Connection open(Target t, boolean startTls, boolean auth) throws MessagingException {
        String protocol = t.security() == Security.TLS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        String ms = Long.toString(t.timeout().toMillis());
        props.setProperty(p + "connectiontimeout", ms);
        props.setProperty(p + "timeout", ms);
        props.setProperty(p + "writetimeout", ms);
        props.setProperty(p + "ssl.checkserveridentity", "true");
        props.setProperty(p + "starttls.enable", Boolean.toString(startTls));
        props.setProperty(p + "starttls.required", Boolean.toString(startTls));
        props.setProperty(p + "auth", Boolean.toString(auth));
        if (t.ehloName() != null) {
            props.setProperty(p + "localhost", t.ehloName());
        }
        Session session = Session.getInstance(props);
        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport(protocol);
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("no SMTP provider on the class path: " + e.getMessage(), e);
        }
        transport.connect(t.host(), t.port(), auth ? t.username() : null, auth ? t.password() : null);
        return new Connection(transport);
    }

    private static String reason(MessagingException e) {
        Throwable cause = e instanceof MailConnectException && e.getCause() != null ? e.getCause() : e;
        StringBuilder s = new StringBuilder(oneLine(cause.getMessage()));
        Throwable inner = cause.getCause();
        while (inner != null && inner != cause) {
            s.append(": ").append(oneLine(inner.getMessage()));
            cause = inner;
            inner = inner.getCause();
        }
        return s.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "(no message)" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

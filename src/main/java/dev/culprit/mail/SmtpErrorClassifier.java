package dev.culprit.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Decides whose problem a failed send is.
 *
 * <ul>
 *   <li>Authentication (530, 535, 534, 538, a rejected login), relaying refused, a rejected
 *       envelope sender, and TLS failures concern the bot's own setup: {@link SmtpFailure.Kind#SETUP}.
 *   <li>4xx replies and connection errors are {@link SmtpFailure.Kind#TRANSIENT}.
 *   <li>Other 5xx replies about a message or an address are {@link SmtpFailure.Kind#PERMANENT}.
 * </ul>
 */
public final class SmtpErrorClassifier {
    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([245]\\d\\d)[ -]");
    private static final Pattern RELAY = Pattern.compile("relay(ing)?\\s+(access\\s+)?(denied|not\\s+permitted|refused|prohibited)"
            + "|not\\s+(permitted|allowed)\\s+to\\s+relay|unable\\s+to\\s+relay|relay\\s+not\\s+permitted", Pattern.CASE_INSENSITIVE);

    /** Classifies a reply code and text from the server (0 when there was none). */
    public SmtpFailure classify(int code, String text) {
        String t = text == null ? "" : text;
        if (code == 530 || code == 534 || code == 535 || code == 538 || code == 454 && t.toLowerCase(Locale.ROOT).contains("tls")) {
            return new SmtpFailure(SmtpFailure.Kind.SETUP, code, t);
        }
        if (code >= 500 && RELAY.matcher(t).find()) {
            return new SmtpFailure(SmtpFailure.Kind.SETUP, code, t);
        }
        if (code >= 500 && code < 600) {
            return new SmtpFailure(SmtpFailure.Kind.PERMANENT, code, t);
        }
        return new SmtpFailure(SmtpFailure.Kind.TRANSIENT, code, t);
    }

    /** Classifies what Jakarta Mail threw. */
    public SmtpFailure classify(MessagingException e) {
        String text = describe(e);
        if (e instanceof AuthenticationFailedException) {
            int code = codeIn(e.getMessage());
            return new SmtpFailure(SmtpFailure.Kind.SETUP, code, "authentication failed: " + text);
        }
        if (hasCause(e, SSLException.class) || text.toLowerCase(Locale.ROOT).contains("starttls")) {
            return new SmtpFailure(SmtpFailure.Kind.SETUP, 0, "TLS failed: " + text);
        }
        if (e instanceof SMTPSenderFailedException s) {
            // the server refused our envelope sender: the bot's configuration, not the mail
            SmtpFailure f = classify(s.getReturnCode(), text);
            return f.kind() == SmtpFailure.Kind.PERMANENT ? new SmtpFailure(SmtpFailure.Kind.SETUP, f.code(),
                    "envelope sender refused: " + text) : f;
        }
        if (e instanceof SMTPSendFailedException s) {
            SmtpFailure f = classify(s.getReturnCode(), text);
            boolean mailFrom = s.getCommand() != null && s.getCommand().toUpperCase(Locale.ROOT).startsWith("MAIL");
            return mailFrom && f.kind() == SmtpFailure.Kind.PERMANENT
                    ? new SmtpFailure(SmtpFailure.Kind.SETUP, f.code(), "envelope sender refused: " + text) : f;
        }
        if (e instanceof SMTPAddressFailedException s) {
            return classify(s.getReturnCode(), text);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, SocketTimeoutException.class)
                || hasCause(e, UnknownHostException.class) || hasCause(e, IOException.class)) {
            return new SmtpFailure(SmtpFailure.Kind.TRANSIENT, 0, "connection failed: " + text);
        }
        int code = codeIn(e.getMessage());
        if (code > 0) {
            return classify(code, text);
        }
        return new SmtpFailure(SmtpFailure.Kind.TRANSIENT, 0, text);
    }

    private static int codeIn(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = LEADING_CODE.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c instanceof MessagingException me && me.getNextException() != null && type.isInstance(me.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /** The exception's message and its causes', one line. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage().strip();
            if (b.indexOf(m) < 0) {
                if (b.length() > 0) {
                    b.append(": ");
                }
                b.append(m);
            }
        }
        return b.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}

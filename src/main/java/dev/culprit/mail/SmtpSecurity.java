package dev.culprit.mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How the SMTP connection is protected. In the configuration: {@code starttls}, {@code tls}, {@code none}. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS; the upgrade is required. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS,
    /** No encryption at all: only for a relay on the same host, an explicit opt-in. */
    NONE;

    @JsonCreator
    public static SmtpSecurity of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security: must be starttls, tls or none: " + text);
        }
    }
}

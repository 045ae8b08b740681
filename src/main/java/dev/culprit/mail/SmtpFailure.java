package dev.culprit.mail;

import java.util.Objects;

/**
 * A classified delivery failure.
 *
 * @param kind whose problem it is and what follows
 * @param code the SMTP reply code, or 0 when there was no reply (connection, TLS)
 * @param text the server's reply or the error, kept for the outbox and the log
 */
public record SmtpFailure(Kind kind, int code, String text) {
    public enum Kind {
        /** Try again later with backoff (4xx replies, connection errors). */
        TRANSIENT,
        /** Will never succeed for this message or address (5xx replies). */
        PERMANENT,
        /** The bot's own setup is wrong (authentication, relay, TLS): pause delivery, fail no mail. */
        SETUP
    }

    public SmtpFailure {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + text;
    }
}

package dev.culprit.mail;

import dev.culprit.recipients.Address;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The {@code message} section of the configuration: how culprit's mails identify themselves.
 *
 * @param from the From address, {@code Name <addr>} or bare
 * @param replyTo where replies go, or null for the From address
 * @param messageIdDomain the right-hand side of every Message-ID; defaults to the From domain
 * @param reportedBy the credit address for {@code Reported-by:} when the sidecar gives none;
 *     null for no such tag
 * @param archiveUrl where a mail can be read in a public archive, {@code {messageId}} standing for
 *     its Message-ID without angle brackets (e.g. {@code https://lore.kernel.org/r/{messageId}});
 *     a culprit mail without a dashboard link then suggests {@code Closes:} with it, so that the
 *     fix comes back to the bot. Null: none
 * @param threadWindow how long after a culprit's first mail a new result blaming the same commit
 *     still goes into that mail's thread
 */
public record MessageSettings(String from, String replyTo, String messageIdDomain, String reportedBy, String archiveUrl,
        Duration threadWindow) {
    public static final String DEFAULT_FROM = "culprit <culprit@localhost>";
    private static final Pattern ARCHIVE_URL = Pattern.compile("https?://[\\x21-\\x7e]*\\{messageId\\}[\\x21-\\x7e]*");
    public static final Duration DEFAULT_THREAD_WINDOW = Duration.ofDays(30);
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public MessageSettings {
        from = from == null ? DEFAULT_FROM : from;
        Address fromAddress = check("from", from);
        if (replyTo != null) {
            check("reply-to", replyTo);
        }
        if (reportedBy != null) {
            check("reported-by", reportedBy);
        }
        messageIdDomain = messageIdDomain == null ? fromAddress.domain() : messageIdDomain;
        if (archiveUrl != null && !ARCHIVE_URL.matcher(archiveUrl).matches()) {
            throw new IllegalArgumentException("archive-url: not an http(s) URL holding {messageId}: " + archiveUrl);
        }
        if (!DOMAIN.matcher(messageIdDomain).matches()) {
            throw new IllegalArgumentException("message-id-domain: not a domain name: " + messageIdDomain);
        }
        threadWindow = threadWindow == null ? DEFAULT_THREAD_WINDOW : threadWindow;
        if (threadWindow.isNegative()) {
            throw new IllegalArgumentException("thread-window: must not be negative: " + threadWindow);
        }
    }

    /** Settings with no archive and the default thread window. */
    public MessageSettings(String from, String replyTo, String messageIdDomain, String reportedBy) {
        this(from, replyTo, messageIdDomain, reportedBy, null, null);
    }

    /** Settings with the default thread window. */
    public MessageSettings(String from, String replyTo, String messageIdDomain, String reportedBy, String archiveUrl) {
        this(from, replyTo, messageIdDomain, reportedBy, archiveUrl, null);
    }

    public static MessageSettings defaults() {
        return new MessageSettings(null, null, null, null, null, null);
    }

    public Address fromAddress() {
        return Address.parse(from);
    }

    /** The Reply-To address, or null. */
    public Address replyToAddress() {
        return replyTo == null ? null : Address.parse(replyTo);
    }

    private static Address check(String key, String value) {
        try {
            return Address.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }
}

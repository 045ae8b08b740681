package dev.culprit.store;

import dev.culprit.model.Sha256;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes a reply this reply, so that it is handled once: its Message-ID together with its
 * sender and whether that sender was authenticated, or, for a mail without a Message-ID, the
 * SHA-256 of its bytes. A forged copy of a genuine reply (same Message-ID, sender not
 * authenticated) is another identity, so refusing it never marks the genuine one as handled.
 *
 * @param messageId the Message-ID as written (blanks around it removed), or null
 * @param digest the SHA-256 of the mail's bytes in lower-case hex; required without a Message-ID
 * @param sender the authenticated sender's address, or whatever From said when not authenticated
 *     (may be null then)
 * @param authenticated whether the sender was authenticated
 */
public record ReplyIdentity(String messageId, String digest, String sender, boolean authenticated) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ReplyIdentity {
        messageId = messageId == null || messageId.isBlank() ? null : messageId.strip();
        sender = sender == null || sender.isBlank() ? null : sender.strip().toLowerCase(Locale.ROOT);
        if (digest != null && !SHA256.matcher(digest).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + digest);
        }
        if (messageId == null && digest == null) {
            throw new IllegalArgumentException("a reply without a Message-ID needs the digest of its bytes");
        }
    }

    /** The SHA-256 of the identity in lower-case hex: the unique key of the record. */
    public String hash() {
        String text = messageId != null
                ? "message-id\n" + messageId + "\n" + (authenticated ? "authenticated\n" : "unauthenticated\n")
                        + (sender == null ? "" : sender)
                : "digest\n" + digest;
        return Sha256.hex(text);
    }
}

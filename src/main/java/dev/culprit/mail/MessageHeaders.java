package dev.culprit.mail;

import dev.culprit.model.Recipient;
import dev.culprit.recipients.Address;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The validated values the header block is built from. No header is ever taken from a template
 * or a log as text: each is built from these values by {@link MessageComposer}.
 *
 * @param from the sender
 * @param replyTo or null
 * @param to the To recipients
 * @param cc the Cc recipients
 * @param subject one clean line (see {@code render.Subjects})
 * @param date the Date header
 * @param messageId {@code <id@domain>}
 * @param inReplyTo the Message-ID of the original report, or null; also written as References
 * @param key the short result key, written as {@code X-Culprit-Key}
 */
public record MessageHeaders(
        Address from,
        Address replyTo,
        List<Recipient> to,
        List<Recipient> cc,
        String subject,
        Instant date,
        String messageId,
        String inReplyTo,
        String key) {
    static final Pattern MSG_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{1,64}");

    public MessageHeaders {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(subject, "subject");
        if (subject.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("subject contains a control character");
        }
        Objects.requireNonNull(date, "date");
        if (!MSG_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("not a valid Message-ID: " + messageId);
        }
        if (inReplyTo != null && !MSG_ID.matcher(inReplyTo).matches()) {
            throw new IllegalArgumentException("not a valid In-Reply-To Message-ID: " + inReplyTo);
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a valid result key id: " + key);
        }
    }
}

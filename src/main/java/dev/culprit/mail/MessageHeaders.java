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
 *     when {@code references} is empty
 * @param key the short result key, written as {@code X-Culprit-Key}
 * @param references the References, oldest first (an answer's: the thread's last ids and the mail
 *     answered); empty for {@code inReplyTo} alone
 * @param autoReplied whether the mail answers a mail ({@code Auto-Submitted: auto-replied}) rather
 *     than being generated ({@code auto-generated}, RFC 3834)
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
        String key,
        List<String> references,
        boolean autoReplied) {
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
        references = List.copyOf(references);
        for (String id : references) {
            if (!MSG_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a valid References Message-ID: " + id);
            }
        }
    }

    /** A generated mail, threaded under {@code inReplyTo} alone when it is given. */
    public MessageHeaders(Address from, Address replyTo, List<Recipient> to, List<Recipient> cc, String subject, Instant date,
            String messageId, String inReplyTo, String key) {
        this(from, replyTo, to, cc, subject, date, messageId, inReplyTo, key, List.of(), false);
    }
}

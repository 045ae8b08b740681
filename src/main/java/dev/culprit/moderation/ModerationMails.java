package dev.culprit.moderation;

import dev.culprit.mail.MessageComposer;
import dev.culprit.mail.MessageHeaders;
import dev.culprit.mail.MessageSettings;
import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.recipients.Address;
import dev.culprit.render.DataModel;
import dev.culprit.render.RenderException;
import dev.culprit.render.Renderer;
import dev.culprit.render.Subjects;
import dev.culprit.store.HeldMail;
import dev.culprit.store.Moderation;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.SentMail;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the mails culprit sends about a result rather than from a log: the notice to the
 * moderators about a held mail, and the correction that retracts a sent one. Each has its own
 * key (the result's key behind a prefix) and so its own Message-ID, never the result's: archives
 * and mail clients de-duplicate on it. Bodies come from templates ({@value Renderer#MODERATION_NOTICE},
 * {@value Renderer#RETRACTION}); headers are built in code.
 */
public final class ModerationMails {
    /** The reason the moderation address gets a notice. */
    public static final String MODERATOR_REASON = "moderation address (moderation.address in the configuration)";
    /** The first reason of every recipient of a correction. */
    public static final String CORRECTION_REASON = "you received the report this corrects";
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);
    private static final int MAX_QUOTED_CHARS = 64 * 1024;

    private final Renderer renderer;
    private final MessageSettings identity;
    private final Clock clock;
    private final MessageComposer composer = new MessageComposer();

    public ModerationMails(Renderer renderer, MessageSettings identity, Clock clock) {
        this.renderer = renderer;
        this.identity = identity;
        this.clock = clock;
    }

    /** The commit hash {@code --culprit} takes: 7 to 64 hex digits, lower case. */
    public static String checkCommit(String hash) {
        if (hash == null) {
            return null;
        }
        String h = hash.strip().toLowerCase(Locale.ROOT);
        if (!COMMIT.matcher(h).matches()) {
            throw new IllegalArgumentException("not a commit hash: \"" + hash + "\" (7 to 64 hex digits)");
        }
        return h;
    }

    /** The notice to {@code moderator} about a held mail. */
    public QueuedMail notice(HeldMail held, Address moderator) throws RenderException {
        ResultKey key = new ResultKey(Moderation.NOTICE_PREFIX + held.resultKey());
        String messageId = key.messageId(identity.messageIdDomain());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", held.subject() == null ? "" : held.subject());
        m.put("source", held.source());
        m.put("key", held.resultKey());
        m.put("shortKey", held.shortId());
        m.put("messageId", held.messageId());
        m.put("heldAt", TIME.format(held.heldAt()));
        m.put("outcome", held.outcome());
        put(m, "culprit", held.culprit());
        put(m, "crashTitle", held.crashTitle());
        if (!Double.isNaN(held.score())) {
            m.put("score", String.format(Locale.ROOT, "%.2f", held.score()));
        }
        m.put("reasons", held.reasons());
        m.put("recipients", held.wouldGoTo().stream().map(r -> DataModel.recipient(r.recipient())).toList());
        m.put("releaseCommand", "culprit release " + held.shortId());
        m.put("dropCommand", "culprit drop " + held.shortId() + " --why \"...\"");
        String quoted = heldBody(held);
        if (quoted != null) {
            m.put("heldBody", quoted);
        }
        String body = renderer.renderBody(Renderer.MODERATION_NOTICE, m);
        String subject = Subjects.clean("[culprit moderation] held: " + (held.subject() == null ? held.shortId() : held.subject()));
        Recipient to = new Recipient(moderator.addrSpec(), moderator.name(), Recipient.Field.TO, List.of(MODERATOR_REASON));
        MessageHeaders h = new MessageHeaders(identity.fromAddress(), identity.replyToAddress(), List.of(to), List.of(), subject,
                clock.instant(), messageId, null, key.shortId());
        return new QueuedMail(key, messageId, held.source(), subject, composer.compose(h, body), List.of(to));
    }

    /**
     * The correction of a sent result: to the recipients that received it, in the same To and Cc,
     * threaded under it ({@code In-Reply-To} and {@code References}), subject {@code Re: } and
     * the original subject.
     *
     * @param newCulprit the commit now believed to be the culprit, or null
     */
    public QueuedMail retraction(SentMail original, String why, String newCulprit) throws RenderException {
        ResultKey key = new ResultKey(Moderation.CORRECTION_PREFIX + original.resultKey());
        String messageId = key.messageId(identity.messageIdDomain());
        List<Recipient> recipients = new ArrayList<>();
        for (OutboxRecipient r : original.recipients()) {
            List<String> reasons = new ArrayList<>();
            reasons.add(CORRECTION_REASON);
            reasons.addAll(r.recipient().reasons());
            recipients.add(new Recipient(r.address(), r.recipient().name(), r.recipient().field(), r.recipient().kind(), reasons));
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("result " + original.shortId() + " reached nobody; there is nobody to correct");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originalSubject", original.subject() == null ? "" : original.subject());
        m.put("originalMessageId", original.messageId());
        if (original.sentAt() != null) {
            m.put("sentAt", TIME.format(original.sentAt()));
        }
        m.put("why", why.strip());
        String commit = checkCommit(newCulprit);
        if (commit != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("hash", commit);
            c.put("shortHash", commit.substring(0, Math.min(12, commit.length())));
            m.put("newCulprit", c);
        }
        m.put("key", original.resultKey());
        m.put("shortKey", original.shortId());
        m.put("recipients", recipients.stream().map(DataModel::recipient).toList());
        String body = renderer.renderBody(Renderer.RETRACTION, m);
        String subject = Subjects.clean("Re: " + (original.subject() == null ? "" : original.subject()));
        MessageHeaders h = new MessageHeaders(identity.fromAddress(), identity.replyToAddress(),
                recipients.stream().filter(r -> r.field() == Recipient.Field.TO).toList(),
                recipients.stream().filter(r -> r.field() == Recipient.Field.CC).toList(),
                subject, clock.instant(), messageId, original.messageId(), key.shortId());
        return new QueuedMail(key, messageId, original.source(), subject, composer.compose(h, body), recipients);
    }

    /** The body of the held mail as it would go out, bounded; null when there is none. */
    private static String heldBody(HeldMail held) {
        String body = bodyOf(held.message()).stripTrailing();
        return body.isBlank() ? null : body;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    static String bodyOf(byte[] message) {
        String s = new String(message, StandardCharsets.UTF_8);
        int end = s.indexOf("\r\n\r\n");
        String body = end < 0 ? "" : s.substring(end + 4).replace("\r\n", "\n");
        if (body.length() > MAX_QUOTED_CHARS) {
            body = body.substring(0, MAX_QUOTED_CHARS) + "\n[... cut ...]\n";
        }
        return body;
    }
}

package dev.culprit.answering;

import dev.culprit.answering.decide.CommandOutcome;
import dev.culprit.answering.decide.Decision;
import dev.culprit.answering.decide.Effect;
import dev.culprit.answering.decide.MessageIds;
import dev.culprit.answering.decide.ResultState;
import dev.culprit.mail.MessageComposer;
import dev.culprit.mail.MessageHeaders;
import dev.culprit.mail.MessageSettings;
import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.recipients.Address;
import dev.culprit.render.RenderException;
import dev.culprit.render.Renderer;
import dev.culprit.render.Subjects;
import dev.culprit.replies.IncomingReply;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.RepliedResults;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the mails a reply makes culprit send: the answer to its sender ({@value Renderer#ANSWER})
 * and the note to the moderators when a person says a result is wrong ({@value Renderer#REPLY_NOTE}).
 * Each has its own key, {@link RepliedResults#ANSWER_PREFIX} or {@link RepliedResults#NOTE_PREFIX}
 * with the reply's identity and the result's key, so one reply queues each at most once. Headers
 * are built in code: the subject from the reply's, cleaned to one line and cut; In-Reply-To and
 * References from the reply's Message-IDs that are valid (at most the last ten); never a header
 * copied from the reply.
 */
public final class AnswerMails {
    /** Why the sender of a reply gets its answer. */
    public static final String ANSWER_REASON = "you sent culprit the commands this answers";
    /** Why the moderators get a note. */
    public static final String NOTE_REASON = "moderation address (moderation.address or moderation.moderators)";
    private static final Pattern RE = Pattern.compile("^(?i)(\\s*(re|aw|sv|fwd?)\\s*:\\s*)+");
    private static final int MAX_ARGUMENTS = 100;

    private final Renderer renderer;
    private final MessageSettings identity;
    private final Clock clock;
    private final MessageComposer composer = new MessageComposer();

    public AnswerMails(Renderer renderer, MessageSettings identity, Clock clock) {
        this.renderer = renderer;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * The answer to a reply.
     *
     * @param identityHash the digest of the reply's identity (unique per reply)
     * @param result the result the reply was about, or null
     */
    public QueuedMail answer(Decision.Answer answer, IncomingReply reply, String identityHash, ResultState result)
            throws RenderException {
        ResultKey key = new ResultKey(RepliedResults.ANSWER_PREFIX + identityHash + "|"
                + (result == null ? "" : result.resultKey()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headline", answer.headline());
        m.put("outcomes", answer.outcomes().stream().map(AnswerMails::outcome).toList());
        if (result != null) {
            m.put("shortKey", result.shortKey());
        }
        String body = renderer.renderBody(Renderer.ANSWER, m);
        String subject = subject(reply.subject(), result);
        Recipient to = new Recipient(answer.to(), null, Recipient.Field.TO, List.of(ANSWER_REASON));
        String inReplyTo = MessageIds.valid(reply.messageId()).orElse(null);
        String messageId = key.messageId(identity.messageIdDomain());
        MessageHeaders h = new MessageHeaders(identity.fromAddress(), identity.replyToAddress(), List.of(to), List.of(),
                subject, clock.instant(), messageId, inReplyTo, key.shortId(),
                MessageIds.references(reply.references(), reply.messageId()), true);
        return new QueuedMail(key, messageId, source(reply), subject, composer.compose(h, body), List.of(to));
    }

    /**
     * The note to the moderators about a person's {@code wrong} or {@code blame}.
     *
     * @param evidence the reply, as labels name it
     * @param labelled whether the result was labelled wrong from the reply
     */
    public QueuedMail note(Effect.NoteToModeration note, ResultState result, IncomingReply reply, String identityHash,
            String evidence, boolean labelled, List<Address> moderators) throws RenderException {
        ResultKey key = new ResultKey(RepliedResults.NOTE_PREFIX + identityHash + "|" + result.resultKey());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sender", note.sender());
        m.put("subject", result.subject() == null ? "" : result.subject());
        m.put("shortKey", result.shortKey());
        m.put("state", result.standing().text());
        m.put("reply", evidence);
        m.put("why", note.why());
        if (note.newCulprit() != null) {
            m.put("newCulprit", note.newCulprit());
        }
        m.put("labelled", labelled);
        m.put("withdrawCommand", result.standing() == ResultState.Standing.HELD
                ? "culprit drop " + result.shortKey() + " --why \"...\""
                : "culprit retract " + result.shortKey() + " --why \"...\""
                        + (note.newCulprit() == null ? "" : " --culprit " + note.newCulprit()));
        String body = renderer.renderBody(Renderer.REPLY_NOTE, m);
        String subject = Subjects.clean("[culprit moderation] " + note.command() + ": "
                + (result.subject() == null ? result.shortKey() : result.subject()));
        List<Recipient> to = moderators.stream()
                .map(a -> new Recipient(a.addrSpec(), a.name(), Recipient.Field.TO, List.of(NOTE_REASON))).toList();
        String messageId = key.messageId(identity.messageIdDomain());
        MessageHeaders h = new MessageHeaders(identity.fromAddress(), identity.replyToAddress(), to, List.of(), subject,
                clock.instant(), messageId, null, key.shortId());
        return new QueuedMail(key, messageId, source(reply), subject, composer.compose(h, body), to);
    }

    /** {@code Re: } and the reply's subject without its own {@code Re:}s, one clean line; the result's when it has none. */
    static String subject(String replySubject, ResultState result) {
        String s = Subjects.clean(replySubject == null ? "" : replySubject);
        s = RE.matcher(s).replaceFirst("").strip();
        if (s.isEmpty()) {
            s = result != null && result.subject() != null ? Subjects.clean(result.subject()) : "your mail to culprit";
        }
        return Subjects.clean("Re: " + s);
    }

    /** What the log lines name the reply by. */
    static String source(IncomingReply reply) {
        return "reply " + MessageIds.valid(reply.messageId()).orElse("with digest " + reply.digest());
    }

    /** Text from a reply on one line, so that no line of the answer starts with what the reply wrote. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\s\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    private static Map<String, Object> outcome(CommandOutcome o) {
        String args = o.arguments().codePointCount(0, o.arguments().length()) > MAX_ARGUMENTS
                ? o.arguments().substring(0, o.arguments().offsetByCodePoints(0, MAX_ARGUMENTS)) + "..."
                : o.arguments();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", oneLine(args.isEmpty() ? o.name() : o.name() + " " + args));
        m.put("status", o.status().id());
        m.put("text", oneLine(o.text()));
        return m;
    }
}

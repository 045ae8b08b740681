package dev.culprit.answering;

import dev.culprit.answering.decide.Effect;
import dev.culprit.answering.decide.ResultState;
import dev.culprit.model.Label;
import dev.culprit.moderation.ModerationMails;
import dev.culprit.recipients.Address;
import dev.culprit.render.RenderException;
import dev.culprit.replies.IncomingReply;
import dev.culprit.store.Moderation;
import dev.culprit.store.ModerationDecision;
import dev.culprit.store.ModerationException;
import dev.culprit.store.OptOutList;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.RepliedResults;
import dev.culprit.store.ResultSuppressions;
import dev.culprit.store.SentMail;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a reply's effects in the handler's transaction, as the moderator's commands do: a
 * withdrawal queues the correction to the result's recipients in its thread, a drop or release
 * moves the held result, labels name the reply as evidence, a note to the moderators is queued for
 * {@code moderation.address} (or the moderators when it is unset).
 */
final class ReplyEffects {
    private static final Logger log = LoggerFactory.getLogger(ReplyEffects.class);

    private final Moderation moderation;
    private final ModerationMails moderationMails;
    private final RepliedResults results;
    private final ResultSuppressions suppressions;
    private final OptOutList optOuts;
    private final AnswerMails mails;
    private final List<Address> moderators;
    private final Clock clock;

    /** The reply and its result, for the effects of one reply. */
    record Subject(IncomingReply reply, String identityHash, String evidence, RepliedResults.Found found,
            ResultState state) {
    }

    ReplyEffects(Stores stores, ModerationMails moderationMails, AnswerMails mails, List<Address> moderators, Clock clock) {
        this.moderation = stores.moderation();
        this.results = stores.results();
        this.suppressions = stores.suppressions();
        this.optOuts = stores.optOuts();
        this.moderationMails = moderationMails;
        this.mails = mails;
        this.moderators = List.copyOf(moderators);
        this.clock = clock;
    }

    /** The store's parts the effects write to, all over one database. */
    record Stores(Moderation moderation, RepliedResults results, ResultSuppressions suppressions, OptOutList optOuts) {
    }

    /** @return the Message-IDs of the mails queued (corrections, notes) */
    List<String> apply(Connection c, Subject s, List<Effect> effects)
            throws SQLException, ModerationException, RenderException {
        List<String> queued = new ArrayList<>();
        boolean labelled = effects.stream().anyMatch(e -> e instanceof Effect.AddLabel a && a.value() == Label.Value.WRONG);
        int notes = 0;
        for (Effect e : effects) {
            if (e instanceof Effect.Retract r) {
                queued.add(retract(c, s, r));
            } else if (e instanceof Effect.Drop d) {
                moderation.decide(c, s.found().key().shortId(), ModerationDecision.DROP, d.why());
            } else if (e instanceof Effect.Release) {
                moderation.decide(c, s.found().key().shortId(), ModerationDecision.RELEASE, null);
            } else if (e instanceof Effect.AddLabel l) {
                results.label(c, s.found().id(), new Label(l.value(), l.culprit(), Label.Source.REPLY, l.evidence(),
                        clock.instant()));
            } else if (e instanceof Effect.NoteToModeration n) {
                note(c, s, n, labelled, notes++).ifPresent(queued::add);
            } else if (e instanceof Effect.Uncc u) {
                suppressions.add(c, s.found().key().sha256(), u.address(), s.evidence());
            } else if (e instanceof Effect.Unsubscribe u) {
                unsubscribe(c, s, u.address());
            }
        }
        return queued;
    }

    private void unsubscribe(Connection c, Subject s, String address) throws SQLException {
        String entry;
        try {
            entry = OptOutList.normalize(address);
        } catch (IllegalArgumentException e) {
            // culprit mails only plain ASCII addresses: one it cannot list is one it never mails
            log.warn("{}: {} is not put on the opt-out list: {}", AnswerMails.source(s.reply()), address, e.getMessage());
            return;
        }
        optOuts.add(c, entry, "asked by " + s.evidence() + " (#culprit unsubscribe)");
    }

    private String retract(Connection c, Subject s, Effect.Retract r) throws SQLException, ModerationException, RenderException {
        SentMail original = moderation.sent(c, s.found().key().shortId());
        QueuedMail correction;
        try {
            correction = moderationMails.retraction(original, r.why(), r.newCulprit());
        } catch (IllegalArgumentException e) {
            throw new ModerationException("cannot write the correction of result " + original.shortId() + ": "
                    + e.getMessage());
        }
        moderation.retract(c, original, r.why(), r.newCulprit(), correction, null);
        return correction.messageId();
    }

    private Optional<String> note(Connection c, Subject s, Effect.NoteToModeration n, boolean labelled, int index)
            throws SQLException, RenderException {
        if (moderators.isEmpty()) {
            log.warn("{}: {} says result {} is wrong; no moderation.address or moderation.moderators to tell",
                    AnswerMails.source(s.reply()), n.sender(), s.state().shortKey());
            return Optional.empty();
        }
        QueuedMail note = mails.note(n, s.state(), s.reply(), s.identityHash() + (index == 0 ? "" : "." + index),
                s.evidence(), labelled, moderators);
        results.queue(c, note);
        return Optional.of(note.messageId());
    }
}

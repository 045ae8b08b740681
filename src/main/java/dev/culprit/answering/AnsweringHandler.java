package dev.culprit.answering;

import dev.culprit.answering.decide.CommandOutcome;
import dev.culprit.answering.decide.Decision;
import dev.culprit.answering.decide.ReplyDecider;
import dev.culprit.answering.decide.ReplyFacts;
import dev.culprit.answering.decide.ResultState;
import dev.culprit.answering.decide.MessageIds;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.render.RenderException;
import dev.culprit.replies.CommandLines;
import dev.culprit.replies.CommandParser;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.LoopGuard;
import dev.culprit.replies.ReplyHandler;
import dev.culprit.replies.ReplyTarget;
import dev.culprit.replies.ResultMatcher;
import dev.culprit.replies.SenderAuthenticator;
import dev.culprit.replies.Speaker;
import dev.culprit.moderation.ModerationMails;
import dev.culprit.moderation.ModerationSettings;
import dev.culprit.recipients.Address;
import dev.culprit.store.Database;
import dev.culprit.store.Moderation;
import dev.culprit.store.Outbox;
import dev.culprit.store.ResultSuppressions;
import dev.culprit.store.ModerationException;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.RepliedResults;
import dev.culprit.store.ReplyIdentity;
import dev.culprit.store.ReplyRecords;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ReplyHandler} of the service: decides what a reply does ({@link ReplyDecider}) and,
 * in ONE transaction, claims the reply's identity, applies its commands, queues the answer and
 * records the commands with their outcomes and the answer's Message-ID. A reply handled before
 * (here or on another instance) changes nothing and goes to the done folder.
 *
 * <p>Only a reply whose commands may act claims its Message-ID with its authenticated sender;
 * any other (unauthenticated, automatic, a list copy, without a command, unreadable) is claimed
 * by the digest of its bytes, so it never marks the genuine mail as handled. The store failing
 * throws {@link ReplyHandlingException}: the mail stays in the folder for the next poll.
 */
public final class AnsweringHandler implements ReplyHandler {
    private static final Logger log = LoggerFactory.getLogger(AnsweringHandler.class);

    private final Database db;
    private final Clock clock;
    private final ReplyRules rules;
    private final ReplyRecords records;
    private final RepliedResults results;
    private final ReplyEffects effects;
    private final AnswerMails mails;
    private final ServiceEvents events;
    private final Set<String> moderators;

    /**
     * The handler over one store.
     *
     * @param outbox the store's outbox (its database, its opt-out list)
     * @param rules who is trusted, what is never answered, the answer caps
     * @param moderation {@code moderation}: its moderators may moderate by reply; notes go to its
     *        address, or to the moderators when it has none
     * @param moderationMails writes the corrections of withdrawn results
     * @param answerMails writes the answers and the notes
     * @param events the metrics
     */
    public AnsweringHandler(Outbox outbox, ReplyRules rules, ModerationSettings moderation, ModerationMails moderationMails,
            AnswerMails answerMails, ServiceEvents events, Clock clock) {
        this.db = outbox.database();
        this.clock = clock;
        this.rules = rules;
        this.moderators = Set.copyOf(moderation.moderators());
        this.records = new ReplyRecords(db, clock);
        this.results = new RepliedResults(db, clock);
        this.mails = answerMails;
        this.events = events;
        List<Address> noteTo = moderation.moderator().map(List::of)
                .orElseGet(() -> moderation.moderators().stream().map(Address::parse).toList());
        this.effects = new ReplyEffects(new ReplyEffects.Stores(new Moderation(db, clock), results,
                new ResultSuppressions(db, clock), outbox.optOuts()), moderationMails, answerMails, noteTo, clock);
    }

    @Override
    public Disposition handle(IncomingReply reply) {
        events.replyReceived();
        Speaker speaker = rules.authenticator().speaker(reply.headers().fromAddresses(), reply.authenticationResults());
        Optional<String> notToAnswer = rules.loopGuard().reasonNotToAnswer(reply.headers());
        CommandLines lines = reply.readable() ? CommandParser.parse(reply.ownText())
                : new CommandLines(List.of(), List.of());
        Handled h;
        try {
            h = db.inTransaction(c -> {
                try {
                    ReplyTarget target = reply.readable() && lines.any() ? target(c, reply)
                            : new ReplyTarget.Unknown("not looked up");
                    return handle(c, reply, speaker, notToAnswer, target, lines);
                } catch (ModerationException | RenderException e) {
                    throw new ApplyFailed(e);
                }
            });
        } catch (SQLException | ApplyFailed | RuntimeException e) {
            throw new ReplyHandlingException("reply " + AnswerMails.source(reply) + ": cannot be handled: " + e.getMessage(), e);
        }
        return report(reply, h);
    }

    /** A command could not be applied after all (the result changed under it, a template failed): nothing is committed. */
    private static final class ApplyFailed extends Exception {
        private static final long serialVersionUID = 1L;

        ApplyFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** What the transaction did, for the log, the metrics and the disposition. */
    private record Handled(Decision decision, boolean before, String answerId, String answerSkipped, List<String> queued) {
    }

    private Handled handle(Connection c, IncomingReply reply, Speaker speaker, Optional<String> notToAnswer,
            ReplyTarget target, CommandLines lines) throws SQLException, ModerationException, RenderException {
        Optional<RepliedResults.Found> found = find(c, target);
        ResultState state = found.map(ResultView::state).orElse(null);
        ReplyFacts facts = new ReplyFacts(reply, speaker, notToAnswer, target, state,
                ResultView.parties(found.orElse(null), moderators), lines);
        Decision d = ReplyDecider.decide(facts);
        ReplyIdentity identity = identity(reply, speaker, d);
        String resultHash = found.map(f -> f.key().sha256()).orElse(null);
        OptionalLong id = records.claim(c, new ReplyRecords.Received(identity, String.join(", ",
                reply.headers().fromAddresses()), speaker.how(), resultHash, MessageIds.valid(reply.messageId()).orElse(null)));
        if (id.isEmpty()) {
            return new Handled(d, true, null, null, List.of());
        }
        String evidence = ReplyDecider.evidence(facts);
        List<String> queued = d.effects().isEmpty() ? List.of() : effects.apply(c, new ReplyEffects.Subject(reply,
                identity.hash(), evidence, found.orElse(null), state), d.effects());
        String answerId = null;
        String skipped = null;
        if (d.answer() != null) {
            skipped = rules.caps().over(c, results, d.answer().to(), clock.instant()).orElse(null);
            if (skipped == null) {
                try {
                    QueuedMail answer = mails.answer(d.answer(), reply, identity.hash(), state);
                    results.queue(c, answer);
                    answerId = answer.messageId();
                } catch (IllegalArgumentException e) {
                    // an address no header can carry (not ASCII): the commands still apply
                    skipped = "the answer cannot be written: " + e.getMessage();
                }
            }
        }
        records.commands(c, id.getAsLong(), d.outcomes().stream().map(AnsweringHandler::record).toList());
        String refused = d.kind() == Decision.Kind.ACTED || d.kind() == Decision.Kind.QUIET ? null : d.reason();
        records.finish(c, id.getAsLong(), resultHash, answerId, skipped == null ? refused
                : (refused == null ? "" : refused + "; ") + "answer left out: " + skipped);
        return new Handled(d, false, answerId, skipped, queued);
    }

    /**
     * Its Message-ID (when valid) with its authenticated sender for a reply whose commands act; the
     * digest of its bytes for any other.
     */
    static ReplyIdentity identity(IncomingReply reply, Speaker speaker, Decision d) {
        if (d.claimsSender()) {
            return new ReplyIdentity(MessageIds.valid(reply.messageId()).orElse(null), reply.digest(), speaker.address(),
                    true);
        }
        return new ReplyIdentity(null, reply.digest(), speaker.address(), speaker.authenticated());
    }

    /** Which result the reply is about, its Message-IDs looked up on the handler's connection. */
    private ReplyTarget target(Connection c, IncomingReply reply) {
        ResultMatcher matcher = new ResultMatcher(id -> {
            try {
                return results.sentByCulprit(c, id);
            } catch (SQLException e) {
                throw new ReplyHandlingException("cannot look up Message-ID " + id + ": " + e.getMessage(), e);
            }
        });
        return matcher.match(reply.inReplyTo(), reply.references(), reply.text());
    }

    private Optional<RepliedResults.Found> find(Connection c, ReplyTarget target) throws SQLException {
        if (target instanceof ReplyTarget.MessageId m) {
            return results.byMessageId(c, m.messageId());
        }
        if (target instanceof ReplyTarget.Key k) {
            return results.byShortKey(c, k.shortKey());
        }
        return Optional.empty();
    }

    private static ReplyRecords.CommandRecord record(CommandOutcome o) {
        return new ReplyRecords.CommandRecord(o.name(), o.arguments().isEmpty() ? null : o.arguments(),
                ReplyRecords.Outcome.valueOf(o.status().name()), o.text());
    }

    private Disposition report(IncomingReply reply, Handled h) {
        String source = AnswerMails.source(reply);
        if (h.before()) {
            return Disposition.done("handled before");
        }
        Decision d = h.decision();
        for (CommandOutcome o : d.outcomes()) {
            events.replyCommand(o.name(), o.status().id());
        }
        if (d.kind() == Decision.Kind.REFUSED) {
            events.replyRefused(d.refusal().id());
            log.info("{}: refused, nothing changed: {}", source, d.reason());
        }
        if (h.answerId() != null) {
            events.replyAnswered();
            log.info("{}: {}; answer {} queued{}", source, d.reason(), h.answerId(),
                    h.queued().isEmpty() ? "" : ", and " + String.join(", ", h.queued()));
        } else if (h.answerSkipped() != null) {
            log.warn("{}: {}; no answer: {}", source, d.reason(), h.answerSkipped());
        }
        if (d.kind() == Decision.Kind.UNREADABLE) {
            events.replyFailed(reply.oversized() ? "too-large" : "unreadable");
            return Disposition.failed(d.reason() + (h.answerId() == null ? "" : "; the sender is told"));
        }
        return Disposition.done(d.reason());
    }
}

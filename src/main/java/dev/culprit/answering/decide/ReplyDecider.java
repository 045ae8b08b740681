package dev.culprit.answering.decide;

import dev.culprit.answering.decide.CommandOutcome.Status;
import dev.culprit.answering.decide.Decision.Kind;
import dev.culprit.model.Recipient;
import dev.culprit.replies.Command;
import dev.culprit.replies.CommandLines;
import dev.culprit.replies.ReplyTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides what one reply does and what culprit answers, from values only.
 *
 * <ul>
 *   <li>A mail that cannot be read changes nothing; an authenticated sender of one over
 *       {@code replies.max-bytes} is told so.
 *   <li>Unauthenticated mail, mail that must never be answered (automatic, bulk, a bounce,
 *       culprit's own) and mail from a mailing list the result was sent to change nothing and
 *       get no answer: every command line is skipped.
 *   <li>An authenticated mail without a command line gets no answer.
 *   <li>Otherwise each command is applied or refused in order ({@link CommandRules}), each seeing
 *       the result as the commands before it left it, and the sender gets one answer.
 * </ul>
 */
public final class ReplyDecider {
    private ReplyDecider() {
    }

    public static Decision decide(ReplyFacts f) {
        if (!f.reply().readable()) {
            return unreadable(f);
        }
        Optional<Refused> refusal = refusal(f);
        if (refusal.isPresent()) {
            String why = refusal.get().text();
            return new Decision(Kind.REFUSED, why, List.of(), skipped(f.lines(), why), null, refusal.get().as());
        }
        if (!f.lines().any()) {
            return new Decision(Kind.QUIET, "no #culprit command", List.of(), List.of(), null);
        }
        CommandRules rules = new CommandRules(f.speaker().address(), evidence(f), f.parties());
        ResultState state = f.result();
        List<Effect> effects = new ArrayList<>();
        List<CommandOutcome> outcomes = new ArrayList<>();
        String noResult = state == null ? noResult(f.target()) : null;
        for (Command c : f.lines().commands()) {
            CommandRules.Step step = rules.apply(c, state, noResult);
            effects.addAll(step.effects());
            outcomes.add(step.outcome());
            state = step.after();
        }
        outcomes.addAll(refused(f.lines()));
        long applied = outcomes.stream().filter(o -> o.status() == Status.APPLIED).count();
        String reason = outcomes.size() + " command line(s), " + applied + " applied";
        return new Decision(Kind.ACTED, reason, effects, outcomes,
                new Decision.Answer(f.speaker().address(), headline(f.result(), noResult), outcomes));
    }

    private record Refused(Decision.Refusal as, String text) {
    }

    /** Why the mail as a whole is not acted on, or empty when its commands are considered. */
    private static Optional<Refused> refusal(ReplyFacts f) {
        if (!f.speaker().authenticated()) {
            return Optional.of(new Refused(Decision.Refusal.UNAUTHENTICATED, "sender not authenticated: " + f.speaker().how()));
        }
        if (f.notToAnswer().isPresent()) {
            return Optional.of(new Refused(Decision.Refusal.AUTOMATIC, "never answered or acted on: " + f.notToAnswer().get()));
        }
        String who = f.speaker().address().toLowerCase(Locale.ROOT);
        boolean fromList = f.parties().recipients().stream()
                .anyMatch(r -> r.kind() == Recipient.Kind.LIST && r.address().toLowerCase(Locale.ROOT).equals(who));
        if (fromList) {
            return Optional.of(new Refused(Decision.Refusal.LIST_COPY,
                    "sent from " + who + ", a mailing list the result went to (a list copy): never acted on"));
        }
        return Optional.empty();
    }

    private static Decision unreadable(ReplyFacts f) {
        String problem = f.reply().problem();
        boolean tell = f.reply().oversized() && f.speaker().authenticated() && f.notToAnswer().isEmpty()
                && refusal(f).isEmpty();
        Decision.Answer answer = tell ? new Decision.Answer(f.speaker().address(), "Your mail of " + f.reply().size()
                + " bytes could not be read: " + problem + ". Nothing in it was applied; please send the commands"
                + " in a shorter reply, without attachments.", List.of()) : null;
        return new Decision(Kind.UNREADABLE, "cannot be read: " + problem, List.of(), List.of(), answer);
    }

    /** Every command line of a mail not acted on, skipped with the mail's reason. */
    private static List<CommandOutcome> skipped(CommandLines lines, String why) {
        List<CommandOutcome> out = new ArrayList<>();
        for (Command c : lines.commands()) {
            out.add(new CommandOutcome(c.name(), CommandRules.arguments(c), Status.SKIPPED, "not applied: " + why));
        }
        for (CommandLines.Refusal r : lines.refusals()) {
            out.add(new CommandOutcome(r.command(), "", Status.SKIPPED, "not applied: " + why));
        }
        return out;
    }

    private static List<CommandOutcome> refused(CommandLines lines) {
        return lines.refusals().stream()
                .map(r -> new CommandOutcome(r.command(), "", Status.REFUSED, "not applied: " + r)).toList();
    }

    /** The reply as labels and reasons name it: {@code reply <Message-ID> from <sender>}. */
    public static String evidence(ReplyFacts f) {
        String id = MessageIds.valid(f.reply().messageId()).orElse("(no Message-ID, digest " + f.reply().digest() + ")");
        return "reply " + id + " from " + f.speaker().address();
    }

    private static String noResult(ReplyTarget target) {
        if (target instanceof ReplyTarget.Unknown u) {
            return u.reason();
        }
        if (target instanceof ReplyTarget.Key k) {
            return "culprit has no result with key " + k.shortKey();
        }
        ReplyTarget.MessageId m = (ReplyTarget.MessageId) target;
        return "culprit's mail " + m.messageId() + " (" + m.header() + ") is about no result it still has";
    }

    private static String headline(ResultState result, String noResult) {
        if (result == null) {
            return "culprit could not tell which result your reply is about: " + noResult + ".";
        }
        String subject = result.subject() == null || result.subject().isBlank() ? "" : " (\"" + result.subject() + "\")";
        return "Your reply is about result " + result.shortKey() + subject + ".";
    }
}

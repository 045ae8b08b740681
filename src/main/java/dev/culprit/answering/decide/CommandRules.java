package dev.culprit.answering.decide;

import dev.culprit.answering.decide.CommandOutcome.Status;
import dev.culprit.answering.decide.ResultState.Standing;
import dev.culprit.model.Label;
import dev.culprit.replies.Command;
import dev.culprit.replies.Permission;
import dev.culprit.replies.Permissions;
import dev.culprit.replies.ResultParties;
import java.util.ArrayList;
import java.util.List;

/**
 * What one permitted or refused command does to a result in a given standing: the table of
 * docs/replies.md. {@code wrong} and {@code blame} withdraw a sent result when the culprit's author
 * or a moderator says so, and label it wrong with a note to the moderators when another person it
 * was sent to does; on a held result they act as {@code drop}, on a withdrawn one they change
 * nothing.
 */
final class CommandRules {
    /** What one command did: its outcome, its effects and the result's standing after it. */
    record Step(CommandOutcome outcome, List<Effect> effects, ResultState after) {
    }

    private final String sender;
    private final String evidence;
    private final ResultParties parties;

    /**
     * @param sender the authenticated sender
     * @param evidence the reply, for labels and reasons ({@code reply <id> from <sender>})
     */
    CommandRules(String sender, String evidence, ResultParties parties) {
        this.sender = sender;
        this.evidence = evidence;
        this.parties = parties;
    }

    /**
     * @param state the result as the commands before left it, or null when the reply names none
     * @param noResult why there is no result (when {@code state} is null)
     */
    Step apply(Command command, ResultState state, String noResult) {
        if (command instanceof Command.Unsubscribe) {
            return applied(command, state, "you get no mail from culprit at all from now on (only its operators can undo"
                    + " this)", new Effect.Unsubscribe(sender));
        }
        if (state == null) {
            return refused(command, null, "no result to apply it to: " + noResult);
        }
        if (command instanceof Command.Uncc) {
            return applied(command, state, "you get no later mail about result " + state.shortKey()
                    + " (corrections, follow-ups)", new Effect.Uncc(sender));
        }
        Permission p = Permissions.decide(command, sender, parties);
        if (!p.allowed()) {
            return refused(command, state, p.reason());
        }
        if (command instanceof Command.Wrong w) {
            return wrong(command, w.why(), null, p.role(), state);
        }
        if (command instanceof Command.Blame b) {
            return wrong(command, b.why(), b.hash(), p.role(), state);
        }
        if (command instanceof Command.Confirm) {
            return confirm(command, state);
        }
        return moderate(command, state, command instanceof Command.Drop d ? d.why() : null);
    }

    private Step wrong(Command command, String why, String hash, Permission.Role role, ResultState state) {
        boolean withdraws = role == Permission.Role.CULPRIT_AUTHOR || role == Permission.Role.MODERATOR;
        String k = state.shortKey();
        List<Effect> effects = new ArrayList<>();
        if (state.standing() == Standing.RETRACTED) {
            return new Step(outcome(command, Status.SKIPPED, "result " + k + " was already withdrawn; nothing more to do"),
                    List.of(), state);
        }
        if (state.labellable()) {
            effects.add(new Effect.AddLabel(Label.Value.WRONG, hash, evidence + said(why)));
        }
        if (withdraws && state.standing() == Standing.SENT) {
            effects.add(0, new Effect.Retract(reason(why, role), hash));
            return new Step(outcome(command, Status.APPLIED, "result " + k + " is withdrawn: a correction"
                    + (hash == null ? "" : " naming " + hash) + " goes to its recipients in the same thread, and culprit"
                    + " will not mail it again"), effects, state.becoming(Standing.RETRACTED));
        }
        if (withdraws && state.standing() == Standing.HELD) {
            effects.add(0, new Effect.Drop(reason(why, role)));
            return new Step(outcome(command, Status.APPLIED, "result " + k + " was held for moderation; it is dropped"
                    + " and will never be sent"), effects, state.becoming(Standing.DROPPED));
        }
        if (!withdraws && (state.standing() == Standing.SENT || state.standing() == Standing.HELD)) {
            effects.add(new Effect.NoteToModeration(sender, command.name(), why, hash));
            return new Step(outcome(command, Status.APPLIED, (state.labellable() ? "result " + k + " is labelled wrong"
                    : "noted for result " + k) + "; the moderators are told and decide whether to withdraw it"),
                    effects, state);
        }
        return refused(command, state, "result " + k + " is " + state.standing().text() + "; there is nothing to withdraw");
    }

    private Step confirm(Command command, ResultState state) {
        if (!state.labellable()) {
            return refused(command, state, "result " + state.shortKey()
                    + " names no cause bisection's culprit; only such a culprit is right or wrong");
        }
        if (state.standing() == Standing.RETRACTED) {
            return new Step(outcome(command, Status.SKIPPED, "result " + state.shortKey() + " was withdrawn; a"
                    + " confirmation is not recorded (tell the moderators if it is right after all)"), List.of(), state);
        }
        return applied(command, state, "result " + state.shortKey() + " is labelled right",
                new Effect.AddLabel(Label.Value.RIGHT, null, evidence));
    }

    private Step moderate(Command command, ResultState state, String why) {
        if (state.standing() != Standing.HELD) {
            return refused(command, state, "result " + state.shortKey() + " is " + state.standing().text()
                    + ", not held for moderation");
        }
        if (why == null) {
            return new Step(outcome(command, Status.APPLIED, "result " + state.shortKey() + " is released: it goes out"
                    + " with the next delivery"), List.of(new Effect.Release()), state.becoming(Standing.NOT_SENT));
        }
        return new Step(outcome(command, Status.APPLIED, "result " + state.shortKey() + " is dropped and will never be"
                + " sent"), List.of(new Effect.Drop(why + " (" + evidence + ")")), state.becoming(Standing.DROPPED));
    }

    /** The reason a withdrawal or a drop carries: the sender's words, or who said it is wrong. */
    private String reason(String why, Permission.Role role) {
        String who = role.text() + " (" + sender + ")";
        return why.isBlank() ? who + " replied that it is wrong" : why + " (" + who + ")";
    }

    private static String said(String why) {
        return why.isBlank() ? "" : ": " + why;
    }

    private Step applied(Command command, ResultState state, String text, Effect effect) {
        return new Step(outcome(command, Status.APPLIED, text), List.of(effect), state);
    }

    private static Step refused(Command command, ResultState state, String why) {
        return new Step(outcome(command, Status.REFUSED, "not applied: " + why), List.of(), state);
    }

    private static CommandOutcome outcome(Command command, Status status, String text) {
        return new CommandOutcome(command.name(), arguments(command), status, text);
    }

    /** What followed the command's word, as read. */
    static String arguments(Command command) {
        if (command instanceof Command.Wrong w) {
            return w.why();
        }
        if (command instanceof Command.Blame b) {
            return b.why().isEmpty() ? b.hash() : b.hash() + " " + b.why();
        }
        return command instanceof Command.Drop d ? d.why() : "";
    }
}

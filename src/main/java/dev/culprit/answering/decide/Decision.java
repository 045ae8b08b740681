package dev.culprit.answering.decide;

import java.util.List;
import java.util.Objects;

/**
 * What to do with one reply.
 *
 * @param kind whether its commands were considered, or why the mail as a whole was not acted on
 * @param reason one line for the log and the record: what was done, or why nothing
 * @param effects the changes to apply, in order
 * @param outcomes what became of each command line, in order
 * @param answer what to answer the sender, or null for no answer
 * @param refusal why a refused mail was refused, as a fact; null unless {@code kind} is REFUSED
 */
public record Decision(Kind kind, String reason, List<Effect> effects, List<CommandOutcome> outcomes, Answer answer,
        Refusal refusal) {
    /** Why a mail as a whole was not acted on. */
    public enum Refusal {
        UNAUTHENTICATED("unauthenticated"), AUTOMATIC("automatic"), LIST_COPY("list-copy");

        private final String id;

        Refusal(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** How a reply was taken. */
    public enum Kind {
        /** An authenticated sender's commands were each applied or refused. */
        ACTED,
        /** An authenticated mail without a command: nothing to do, no answer. */
        QUIET,
        /** Refused as a whole (unauthenticated, automatic, a list copy): nothing changes, no answer. */
        REFUSED,
        /** The mail cannot be read (malformed, no text, too large). */
        UNREADABLE
    }

    /**
     * The answer to the sender.
     *
     * @param to the authenticated sender's address
     * @param headline a sentence before the commands' outcomes (the result it is about, or why none), never null
     * @param outcomes the outcomes to list (empty for a mail that was not read)
     */
    public record Answer(String to, String headline, List<CommandOutcome> outcomes) {
        public Answer {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(headline, "headline");
            outcomes = List.copyOf(outcomes);
        }
    }

    public Decision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        effects = List.copyOf(effects);
        outcomes = List.copyOf(outcomes);
        if ((refusal != null) != (kind == Kind.REFUSED)) {
            throw new IllegalArgumentException("a refusal goes with a refused mail, and only with one: " + kind);
        }
    }

    Decision(Kind kind, String reason, List<Effect> effects, List<CommandOutcome> outcomes, Answer answer) {
        this(kind, reason, effects, outcomes, answer, null);
    }

    /**
     * Whether the reply's identity is its Message-ID with its authenticated sender: only a mail
     * whose commands may act claims it. Every other mail changes nothing and is known by the digest
     * of its bytes, so that a refused copy (forged, automatic, from a list) never stands for the
     * genuine mail with the same Message-ID.
     */
    public boolean claimsSender() {
        return kind == Kind.ACTED;
    }
}

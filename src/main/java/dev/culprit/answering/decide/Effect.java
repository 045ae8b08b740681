package dev.culprit.answering.decide;

import dev.culprit.model.Label;
import java.util.Objects;

/** One change a reply makes, applied in the transaction that records the reply. */
public sealed interface Effect {
    /**
     * The sent result is withdrawn: a correction goes to its recipients in its thread, and it
     * gets a wrong label from the reply.
     *
     * @param newCulprit the commit now believed to be the culprit, or null
     */
    record Retract(String why, String newCulprit) implements Effect {
        public Retract {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The held result is released: it goes out with the next delivery. */
    record Release() implements Effect {
    }

    /** The held result is never sent. */
    record Drop(String why) implements Effect {
        public Drop {
            Objects.requireNonNull(why, "why");
        }
    }

    /** A label from the reply, with the reply as evidence. */
    record AddLabel(Label.Value value, String culprit, String evidence) implements Effect {
        public AddLabel {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** The moderators are told that someone the result was sent to thinks it wrong. */
    record NoteToModeration(String sender, String command, String why, String newCulprit) implements Effect {
        public NoteToModeration {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(why, "why");
        }
    }

    /** {@code address} gets no later mail about the result. */
    record Uncc(String address) implements Effect {
        public Uncc {
            Objects.requireNonNull(address, "address");
        }
    }

    /** {@code address} is opted out of all mail. */
    record Unsubscribe(String address) implements Effect {
        public Unsubscribe {
            Objects.requireNonNull(address, "address");
        }
    }
}

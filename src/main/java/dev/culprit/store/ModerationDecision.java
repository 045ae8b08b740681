package dev.culprit.store;

import java.util.Locale;

/** A moderator's decision on a mail. The ids are stored in {@code moderation_decision.decision}. */
public enum ModerationDecision {
    /** A held mail goes out after all. */
    RELEASE("released"),
    /** A held mail is never sent. */
    DROP("dropped"),
    /** A sent result is withdrawn and a correction queued. */
    RETRACT("retracted");

    private final String done;

    ModerationDecision(String done) {
        this.done = done;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The decision as done to a mail: {@code released}, {@code dropped}, {@code retracted}. */
    public String done() {
        return done;
    }
}

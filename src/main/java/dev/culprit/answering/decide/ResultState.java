package dev.culprit.answering.decide;

import java.util.Objects;

/**
 * Where the result a reply is about stands, as the store has it.
 *
 * @param resultKey the result's full key
 * @param shortKey its short id (24 hex digits)
 * @param standing sent, held, retracted, or otherwise not out
 * @param culprit the commit the result blamed, or null
 * @param subject the subject it was (or would be) mailed with, or null
 * @param labellable whether it is a cause bisection's culprit (only those are right or wrong)
 */
public record ResultState(String resultKey, String shortKey, Standing standing, String culprit, String subject,
        boolean labellable) {
    /** Where a result stands, for what a reply may do to it. */
    public enum Standing {
        /** Mailed to its recipients. */
        SENT("sent"),
        /** Waiting for a moderator. */
        HELD("held for moderation"),
        /** Withdrawn. */
        RETRACTED("withdrawn"),
        /** Dropped by a moderator or for want of recipients: never sent. */
        DROPPED("dropped"),
        /** Queued, being sent, or failed: not (yet) out, and not held. */
        NOT_SENT("not sent");

        private final String text;

        Standing(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public ResultState {
        Objects.requireNonNull(resultKey, "resultKey");
        Objects.requireNonNull(shortKey, "shortKey");
        Objects.requireNonNull(standing, "standing");
    }

    ResultState becoming(Standing next) {
        return new ResultState(resultKey, shortKey, next, culprit, subject, labellable);
    }
}

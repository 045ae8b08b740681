package dev.culprit.replies;

import java.util.Objects;
import java.util.regex.Pattern;

/** One {@code #culprit} command read from a reply. */
public sealed interface Command {
    /** The command's word, as written after {@code #culprit}. */
    String name();

    /** Whether only moderators may give it. */
    default boolean moderation() {
        return false;
    }

    /** Whether it concerns only the sender (uncc, unsubscribe). */
    default boolean forSelf() {
        return false;
    }

    /** The result is wrong. {@code why} is empty when not given. */
    record Wrong(String why) implements Command {
        public Wrong {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String name() {
            return "wrong";
        }
    }

    /** The result is wrong and {@code hash} is the commit now believed to be the culprit. */
    record Blame(String hash, String why) implements Command {
        static final Pattern HASH = Pattern.compile("[0-9a-f]{12,40}");

        public Blame {
            Objects.requireNonNull(why, "why");
            if (hash == null || !HASH.matcher(hash).matches()) {
                throw new IllegalArgumentException("not a commit hash (12 to 40 lower-case hex digits): " + hash);
            }
        }

        @Override
        public String name() {
            return "blame";
        }
    }

    /** The result is right. */
    record Confirm() implements Command {
        @Override
        public String name() {
            return "confirm";
        }
    }

    /** The sender gets no later mail about this result. */
    record Uncc() implements Command {
        @Override
        public String name() {
            return "uncc";
        }

        @Override
        public boolean forSelf() {
            return true;
        }
    }

    /** The sender gets no mail from culprit at all. */
    record Unsubscribe() implements Command {
        @Override
        public String name() {
            return "unsubscribe";
        }

        @Override
        public boolean forSelf() {
            return true;
        }
    }

    /** A held result is sent. */
    record Release() implements Command {
        @Override
        public String name() {
            return "release";
        }

        @Override
        public boolean moderation() {
            return true;
        }
    }

    /** A held result is never sent; {@code why} is required. */
    record Drop(String why) implements Command {
        public Drop {
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("drop needs a reason");
            }
        }

        @Override
        public String name() {
            return "drop";
        }

        @Override
        public boolean moderation() {
            return true;
        }
    }
}

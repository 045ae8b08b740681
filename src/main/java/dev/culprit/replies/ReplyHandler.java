package dev.culprit.replies;

/**
 * What is done with one mail from the replies folder. The mailbox edge calls it once per message
 * and moves the message to the folder the returned disposition names; an implementation records
 * the mail as handled in the same transaction as the effect of its commands, so that calling it
 * again with the same mail (after a crash before the move) changes nothing and answers
 * {@link Disposition#done}.
 */
@FunctionalInterface
public interface ReplyHandler {
    Disposition handle(IncomingReply reply);

    /** Where the message goes after handling, and why (for the log). */
    record Disposition(Folder folder, String reason) {
        public enum Folder {
            /** {@code replies.done-folder}: handled, refused, or handled before. */
            DONE,
            /** {@code replies.failed-folder}: the mail could not be used. */
            FAILED
        }

        public static Disposition done(String reason) {
            return new Disposition(Folder.DONE, reason);
        }

        public static Disposition failed(String reason) {
            return new Disposition(Folder.FAILED, reason);
        }
    }
}

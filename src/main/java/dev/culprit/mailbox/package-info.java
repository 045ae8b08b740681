/**
 * The replies mailbox over IMAP (Jakarta Mail / Angus): reads each message of the replies folder
 * into an {@link dev.culprit.replies.IncomingReply}, hands it to a
 * {@link dev.culprit.replies.ReplyHandler} and moves it to the done or failed folder. An IO edge:
 * what a reply means is decided in {@code replies} and by the handler.
 */
package dev.culprit.mailbox;

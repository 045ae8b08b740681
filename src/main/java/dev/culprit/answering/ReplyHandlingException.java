package dev.culprit.answering;

/**
 * A reply could not be handled because the store failed: nothing of it was committed, and the
 * mail stays in the replies folder for the next poll.
 */
public final class ReplyHandlingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReplyHandlingException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.culprit.pipeline;

/** A log that could not be turned into a mail; the message names the log and what went wrong. */
public final class PrepareException extends Exception {
    private static final long serialVersionUID = 1L;

    public PrepareException(String message, Throwable cause) {
        super(message, cause);
    }
}

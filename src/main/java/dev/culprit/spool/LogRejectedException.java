package dev.culprit.spool;

/** A log that cannot be mailed; the message is the reason written beside it in {@code failed/}. */
public final class LogRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public LogRejectedException(String reason) {
        super(reason);
    }

    public LogRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

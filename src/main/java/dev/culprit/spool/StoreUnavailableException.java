package dev.culprit.spool;

/**
 * The store did not answer while a log was being prepared (a lookup of earlier results): the log
 * is not at fault, so it waits in {@code inbox/} for the next scan instead of going to
 * {@code failed/}.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

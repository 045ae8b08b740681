package dev.culprit.store;

/** The store cannot do what was asked; the message names the database or the mail. */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}

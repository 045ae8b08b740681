package dev.culprit.store;

/** A moderator's command that cannot be carried out as asked: an unknown key, a mail in the wrong state. */
public final class ModerationException extends Exception {
    public ModerationException(String message) {
        super(message);
    }
}

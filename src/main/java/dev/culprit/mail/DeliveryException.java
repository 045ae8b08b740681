package dev.culprit.mail;

/** Sending failed as a whole (not per address); carries the classification. */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SmtpFailure failure;

    public DeliveryException(SmtpFailure failure, Throwable cause) {
        super(failure.text(), cause);
        this.failure = failure;
    }

    public SmtpFailure failure() {
        return failure;
    }
}

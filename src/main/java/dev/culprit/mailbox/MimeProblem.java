package dev.culprit.mailbox;

/** Why a mail's MIME structure cannot be read, naming the header at fault. */
final class MimeProblem extends Exception {
    private static final long serialVersionUID = 1L;

    MimeProblem(String message) {
        super(message);
    }
}

package dev.culprit.mail;

import java.io.IOException;
import java.util.List;

/** Where mails go: an SMTP server, or standard output and an mbox file in a dry run. */
public interface MailTransport {
    /** Opens one connection, to be reused for a batch of mails. */
    Connection open() throws DeliveryException;

    /** A description for logs ({@code smtp://mail.example.org:587 (starttls)}). */
    String describe();

    /**
     * What a send waits for once the message is on the wire, right before completing it (the end
     * of SMTP DATA): delivery records the outcome of one mail while the next is being sent, and
     * the next may not be completed before that record is committed. So a crash leaves at most
     * one mail delivered but not recorded.
     */
    @FunctionalInterface
    interface Gate {
        Gate OPEN = () -> { };

        /** @throws IOException to abandon the message: it is never completed, the server discards it */
        void await() throws IOException;
    }

    /** One open connection. */
    interface Connection extends AutoCloseable {
        /**
         * Sends a complete message to the envelope recipients.
         *
         * @return the accepted addresses and the refused ones with their replies
         * @throws DeliveryException when the message as a whole was not sent
         */
        default SendOutcome send(byte[] message, List<String> recipients) throws DeliveryException {
            return send(message, recipients, Gate.OPEN);
        }

        /**
         * Sends a complete message to the envelope recipients, passing {@code gate} right before
         * the message is completed.
         *
         * @return the accepted addresses and the refused ones with their replies
         * @throws DeliveryException when the message as a whole was not sent, also when the gate
         *     refused it
         */
        SendOutcome send(byte[] message, List<String> recipients, Gate gate) throws DeliveryException;

        /** Whether the connection can still be used after a failure. */
        boolean isOpen();

        @Override
        void close();
    }
}

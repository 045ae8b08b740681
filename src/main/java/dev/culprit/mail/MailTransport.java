package dev.culprit.mail;

import java.util.List;

/** Where mails go: an SMTP server, or standard output and an mbox file in a dry run. */
public interface MailTransport {
    /** Opens one connection, to be reused for a batch of mails. */
    Connection open() throws DeliveryException;

    /** A description for logs ({@code smtp://mail.example.org:587 (starttls)}). */
    String describe();

    /** One open connection. */
    interface Connection extends AutoCloseable {
        /**
         * Sends a complete message to the envelope recipients.
         *
         * @return the accepted addresses and the refused ones with their replies
         * @throws DeliveryException when the message as a whole was not sent
         */
        SendOutcome send(byte[] message, List<String> recipients) throws DeliveryException;

        /** Whether the connection can still be used after a failure. */
        boolean isOpen();

        @Override
        void close();
    }
}

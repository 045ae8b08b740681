package dev.culprit.mail;

import dev.culprit.ops.ServiceEvents;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A transport that reports every SMTP failure to the {@link ServiceEvents} by class:
 * {@code connect} when no connection could be opened, else {@code transient}, {@code permanent}
 * or {@code setup}, for a refused message and for each refused recipient.
 */
public final class ObservedTransport implements MailTransport {
    private final MailTransport delegate;
    private final ServiceEvents events;

    public ObservedTransport(MailTransport delegate, ServiceEvents events) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.events = Objects.requireNonNull(events, "events");
    }

    static String errorClass(SmtpFailure f) {
        return f.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Connection open() throws DeliveryException {
        Connection c;
        try {
            c = delegate.open();
        } catch (DeliveryException e) {
            events.smtpError(e.failure().kind() == SmtpFailure.Kind.TRANSIENT ? "connect" : errorClass(e.failure()));
            throw e;
        }
        return new Connection() {
            @Override
            public SendOutcome send(byte[] message, List<String> recipients) throws DeliveryException {
                SendOutcome outcome;
                try {
                    outcome = c.send(message, recipients);
                } catch (DeliveryException e) {
                    events.smtpError(errorClass(e.failure()));
                    throw e;
                }
                outcome.refused().values().forEach(f -> events.smtpError(errorClass(f)));
                return outcome;
            }

            @Override
            public boolean isOpen() {
                return c.isOpen();
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}

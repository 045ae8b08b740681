package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.ops.ServiceEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservedTransportTest {
    private final List<String> errors = new ArrayList<>();
    private final ServiceEvents events = new ServiceEvents() {
        @Override
        public void smtpError(String errorClass) {
            errors.add(errorClass);
        }
    };

    /** A transport whose connection answers with what the test sets. */
    private static final class Scripted implements MailTransport {
        DeliveryException openFails;
        DeliveryException sendFails;
        SendOutcome outcome = SendOutcome.allAccepted(List.of("a@example.org"));

        @Override
        public Connection open() throws DeliveryException {
            if (openFails != null) {
                throw openFails;
            }
            return new Connection() {
                @Override
                public SendOutcome send(byte[] message, List<String> recipients) throws DeliveryException {
                    if (sendFails != null) {
                        throw sendFails;
                    }
                    return outcome;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public String describe() {
            return "smtp://scripted";
        }
    }

    @Test
    void countsAnUnreachableServerAsConnect() {
        Scripted s = new Scripted();
        s.openFails = new DeliveryException(new SmtpFailure(SmtpFailure.Kind.TRANSIENT, 0, "Connection refused"), null);
        assertThatThrownBy(() -> new ObservedTransport(s, events).open()).isSameAs(s.openFails);
        assertThat(errors).containsExactly("connect");
    }

    @Test
    void countsARefusedLoginAsSetup() {
        Scripted s = new Scripted();
        s.openFails = new DeliveryException(new SmtpFailure(SmtpFailure.Kind.SETUP, 535, "5.7.8 bad credentials"), null);
        assertThatThrownBy(() -> new ObservedTransport(s, events).open()).isInstanceOf(DeliveryException.class);
        assertThat(errors).containsExactly("setup");
    }

    @Test
    void countsARefusedMessageAndEachRefusedRecipientByKind() throws Exception {
        Scripted s = new Scripted();
        s.outcome = new SendOutcome(List.of("a@example.org"), Map.of(
                "b@example.org", new SmtpFailure(SmtpFailure.Kind.PERMANENT, 550, "no such user"),
                "c@example.org", new SmtpFailure(SmtpFailure.Kind.TRANSIENT, 451, "try later")));
        try (MailTransport.Connection c = new ObservedTransport(s, events).open()) {
            assertThat(c.send(new byte[0], List.of("a@example.org", "b@example.org", "c@example.org"))).isSameAs(s.outcome);
            s.sendFails = new DeliveryException(new SmtpFailure(SmtpFailure.Kind.TRANSIENT, 421, "closing"), null);
            assertThatThrownBy(() -> c.send(new byte[0], List.of("a@example.org"))).isSameAs(s.sendFails);
        }
        assertThat(errors).containsExactlyInAnyOrder("permanent", "transient", "transient");
    }

    @Test
    void aCleanSendCountsNothing() throws Exception {
        try (MailTransport.Connection c = new ObservedTransport(new Scripted(), events).open()) {
            c.send(new byte[0], List.of("a@example.org"));
        }
        assertThat(errors).isEmpty();
        assertThat(new ObservedTransport(new Scripted(), events).describe()).isEqualTo("smtp://scripted");
    }
}

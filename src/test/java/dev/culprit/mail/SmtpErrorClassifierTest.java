package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmtpErrorClassifierTest {
    private final SmtpErrorClassifier c = new SmtpErrorClassifier();

    @Test
    void fourHundredRepliesAreTransient() {
        assertThat(c.classify(421, "421 4.3.2 Service not available").kind()).isEqualTo(SmtpFailure.Kind.TRANSIENT);
        assertThat(c.classify(451, "451 4.3.0 Try again later").kind()).isEqualTo(SmtpFailure.Kind.TRANSIENT);
    }

    @Test
    void fiveHundredRepliesArePermanent() {
        assertThat(c.classify(550, "550 5.1.1 User unknown").kind()).isEqualTo(SmtpFailure.Kind.PERMANENT);
        assertThat(c.classify(554, "554 5.7.1 Message rejected").kind()).isEqualTo(SmtpFailure.Kind.PERMANENT);
    }

    @Test
    void authenticationAndRelayRepliesConcernTheSetup() {
        assertThat(c.classify(535, "535 5.7.8 Authentication credentials invalid").kind()).isEqualTo(SmtpFailure.Kind.SETUP);
        assertThat(c.classify(530, "530 5.7.0 Must issue a STARTTLS command first").kind()).isEqualTo(SmtpFailure.Kind.SETUP);
        assertThat(c.classify(550, "550 5.7.1 Relaying denied").kind()).isEqualTo(SmtpFailure.Kind.SETUP);
        assertThat(c.classify(554, "554 5.7.1 <a@b.c>: Relay access denied").kind()).isEqualTo(SmtpFailure.Kind.SETUP);
        assertThat(c.classify(550, "550 5.7.1 Unable to relay for a@b.c").kind()).isEqualTo(SmtpFailure.Kind.SETUP);
    }

    @Test
    void replyTextIsKeptOnOneLine() {
        assertThat(c.classify(550, "550-5.1.1 first line\n550 5.1.1 second line").text())
                .isEqualTo("550-5.1.1 first line 550 5.1.1 second line");
    }
}

package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.mail.DeliveryDecision.Decision;
import dev.culprit.mail.DeliveryDecision.Split;
import dev.culprit.mail.DeliveryDecision.Tally;
import dev.culprit.model.Recipient;
import dev.culprit.store.MailUpdate.LedgerEntry;
import dev.culprit.store.MailUpdate.RecipientChange;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a delivery attempt comes to, decided without a mail server or a store. */
class DeliveryDecisionTest {
    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = CREATED.plus(Duration.ofMinutes(5));
    private static final Recipient AUTHOR = new Recipient("author@example.org", null, Recipient.Field.TO, List.of("author"));
    private static final Recipient LIST = new Recipient("announce@example.org", null, Recipient.Field.CC, Recipient.Kind.LIST,
            List.of("always-cc"));
    private static final Recipient VGER = new Recipient("linux-mm@vger.kernel.org", null, Recipient.Field.CC, List.of("cc"));

    // the backoff's random factor is its lowest, one half: the first wait is half a minute
    private final DeliveryDecision decide = new DeliveryDecision(new DeliverySettings(10, Duration.ofMinutes(1),
            Duration.ofHours(1), Duration.ofDays(3), 100, 20, null), new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), () -> 0L),
            "me");

    private static OutboxMail mail(int attempts, Instant created, OutboxRecipient... recipients) {
        return new OutboxMail(7, "cause/k1", "<k1@culprit.test>", "k1.log", OutboxState.SENDING, new byte[] {'x'},
                List.of(recipients), attempts, created, created, "earlier error");
    }

    private static OutboxMail mail(Recipient... recipients) {
        OutboxRecipient[] rs = new OutboxRecipient[recipients.length];
        for (int i = 0; i < rs.length; i++) {
            rs[i] = new OutboxRecipient(i, recipients[i], OutboxRecipient.State.PENDING, null);
        }
        return mail(0, CREATED, rs);
    }

    private static SmtpFailure failure(SmtpFailure.Kind kind, int code, String text) {
        return new SmtpFailure(kind, code, text);
    }

    @Test
    void aMailAcceptedForEveryoneIsSentAndEachRecipientGoesIntoTheLedgerAsPersonOrList() {
        OutboxMail m = mail(AUTHOR, LIST, VGER);
        Decision d = decide.sent(m, m.pendingRecipients(), Map.of(), SendOutcome.allAccepted(
                List.of(AUTHOR.address(), LIST.address(), VGER.address())), NOW, "smtp://test");

        assertThat(d.tally()).isEqualTo(Tally.SENT);
        assertThat(d.sent()).isTrue();
        assertThat(d.update().state()).isEqualTo(OutboxState.SENT);
        assertThat(d.update().attempts()).isZero();
        assertThat(d.update().owner()).isEqualTo("me");
        assertThat(d.update().recipients()).containsOnlyKeys(0, 1, 2)
                .allSatisfy((pos, c) -> assertThat(c.state()).isEqualTo(OutboxRecipient.State.SENT));
        // the list by its kind, vger by the default list patterns
        assertThat(d.update().ledger()).containsExactly(new LedgerEntry(AUTHOR.address(), false),
                new LedgerEntry(LIST.address(), true), new LedgerEntry(VGER.address(), true));
    }

    @Test
    void anAddressRefusedForGoodFailsAloneWithTheServersReply() {
        OutboxMail m = mail(AUTHOR, LIST);
        Decision d = decide.sent(m, m.pendingRecipients(), Map.of(), new SendOutcome(List.of(LIST.address()),
                Map.of("AUTHOR@example.org", failure(SmtpFailure.Kind.PERMANENT, 550, "550 no such user"))), NOW, "smtp://test");

        assertThat(d.update().state()).isEqualTo(OutboxState.SENT);
        assertThat(d.update().recipients()).containsEntry(0, new RecipientChange(OutboxRecipient.State.FAILED, "550 no such user"))
                .containsEntry(1, new RecipientChange(OutboxRecipient.State.SENT, null));
        assertThat(d.update().ledger()).extracting(LedgerEntry::address).containsExactly(LIST.address());
    }

    @Test
    void aMailEveryRecipientRefusedForGoodFailsWithTheirReplies() {
        OutboxMail m = mail(AUTHOR);
        Decision d = decide.sent(m, m.pendingRecipients(), Map.of(), new SendOutcome(List.of(),
                Map.of(AUTHOR.address(), failure(SmtpFailure.Kind.PERMANENT, 550, "550 no such user"))), NOW, "smtp://test");

        assertThat(d.tally()).isEqualTo(Tally.FAILED);
        assertThat(d.failure()).isEqualTo("refused");
        assertThat(d.update().state()).isEqualTo(OutboxState.FAILED);
        assertThat(d.update().attempts()).isEqualTo(1);
        assertThat(d.update().lastError()).isEqualTo("every recipient refused: 550 no such user");
        assertThat(d.update().ledger()).isEmpty();
    }

    @Test
    void anAddressRefusedForNowIsRetriedAfterTheBackoffWhileTheOthersAreRecordedAsSent() {
        OutboxMail m = mail(AUTHOR, LIST);
        Decision d = decide.sent(m, m.pendingRecipients(), Map.of(), new SendOutcome(List.of(LIST.address()),
                Map.of(AUTHOR.address(), failure(SmtpFailure.Kind.TRANSIENT, 451, "451 try later"))), NOW, "smtp://test");

        assertThat(d.tally()).isEqualTo(Tally.RETRYING);
        assertThat(d.update().state()).isEqualTo(OutboxState.PENDING);
        assertThat(d.update().attempts()).isEqualTo(1);
        assertThat(d.update().nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(d.update().lastError()).isEqualTo("author@example.org: 451 try later");
        assertThat(d.update().recipients()).containsOnlyKeys(1);
        assertThat(d.update().ledger()).extracting(LedgerEntry::address).containsExactly(LIST.address());
        assertThat(d.setup()).isNull();
    }

    @Test
    void anAddressRefusedForTheBotsOwnSetupMakesTheMailWaitWithoutCountingAnAttempt() {
        OutboxMail m = mail(AUTHOR);
        SmtpFailure relay = failure(SmtpFailure.Kind.SETUP, 554, "554 relay access denied");
        Decision d = decide.sent(m, m.pendingRecipients(), Map.of(), new SendOutcome(List.of(), Map.of(AUTHOR.address(), relay)),
                NOW, "smtp://test");

        assertThat(d.tally()).isEqualTo(Tally.WAITING);
        assertThat(d.setup()).isEqualTo(relay);
        assertThat(d.update().state()).isEqualTo(OutboxState.PENDING);
        assertThat(d.update().attempts()).isZero();
        assertThat(d.update().nextAttemptAt()).isEqualTo(NOW);
        assertThat(d.update().lastError()).isEqualTo("waiting: author@example.org: 554 relay access denied");
    }

    @Test
    void aMessageRefusedForGoodFailsEveryRecipientItWasSentTo() {
        OutboxMail m = mail(AUTHOR, LIST);
        Decision d = decide.refused(m, m.pendingRecipients().subList(0, 1),
                Map.of(1, new RecipientChange(OutboxRecipient.State.SUPPRESSED, "opted out")),
                failure(SmtpFailure.Kind.PERMANENT, 554, "554 message rejected"), NOW);

        assertThat(d.update().state()).isEqualTo(OutboxState.FAILED);
        assertThat(d.update().attempts()).isEqualTo(1);
        assertThat(d.update().recipients()).containsEntry(0, new RecipientChange(OutboxRecipient.State.FAILED, "554 message rejected"))
                .containsEntry(1, new RecipientChange(OutboxRecipient.State.SUPPRESSED, "opted out"));
        assertThat(d.failure()).isEqualTo("refused");
    }

    @Test
    void aMailStillFailingForNowAtTheEndOfItsLifetimeFailsForEveryRecipientLeft() {
        OutboxMail m = mail(4, CREATED, new OutboxRecipient(0, AUTHOR, OutboxRecipient.State.PENDING, null));
        Decision d = decide.refused(m, m.pendingRecipients(), Map.of(), failure(SmtpFailure.Kind.TRANSIENT, 421, "421 busy"),
                CREATED.plus(Duration.ofDays(3)));

        assertThat(d.tally()).isEqualTo(Tally.FAILED);
        assertThat(d.failure()).isEqualTo("expired");
        assertThat(d.update().state()).isEqualTo(OutboxState.FAILED);
        assertThat(d.update().attempts()).isEqualTo(5);
        assertThat(d.update().lastError()).isEqualTo("gave up after 5 attempt(s) over PT72H: 421 busy");
        assertThat(d.update().recipients()).containsEntry(0, new RecipientChange(OutboxRecipient.State.FAILED, "421 busy"));
    }

    @Test
    void aMailThatReachedSomeoneBeforeItsLifetimeEndedCountsAsSent() {
        OutboxMail m = mail(4, CREATED, new OutboxRecipient(0, AUTHOR, OutboxRecipient.State.PENDING, null),
                new OutboxRecipient(1, LIST, OutboxRecipient.State.SENT, null));
        Decision d = decide.retry(m, "421 busy", Map.of(), List.of(), CREATED.plus(Duration.ofDays(4)));

        assertThat(d.update().state()).isEqualTo(OutboxState.SENT);
        assertThat(d.sent()).isTrue();
        assertThat(d.failure()).isNull();
        assertThat(d.update().recipients()).containsOnlyKeys(0);
    }

    @Test
    void theSendTimePolicySuppressesAddressesWhateverTheirCase() {
        OutboxMail m = mail(AUTHOR, LIST);
        Split s = decide.split(m, Map.of("Author@Example.org", "opted out"));

        assertThat(s.toSend()).extracting(OutboxRecipient::address).containsExactly(LIST.address());
        assertThat(s.changes()).containsExactly(Map.entry(0, new RecipientChange(OutboxRecipient.State.SUPPRESSED, "opted out")));
    }

    @Test
    void aMailWithNobodyLeftIsDroppedUnlessSomeoneReceivedItBefore() {
        Map<Integer, RecipientChange> suppressed = Map.of(0, new RecipientChange(OutboxRecipient.State.SUPPRESSED, "opted out"));
        Decision dropped = decide.nobodyLeft(mail(AUTHOR), suppressed, NOW);
        assertThat(dropped.tally()).isEqualTo(Tally.DROPPED);
        assertThat(dropped.update().state()).isEqualTo(OutboxState.DROPPED);
        assertThat(dropped.update().lastError()).isEqualTo("no recipient left to send to (opt-outs, deny list)");
        assertThat(dropped.failure()).isEqualTo("no-recipient-left");

        OutboxMail partly = mail(1, CREATED, new OutboxRecipient(0, AUTHOR, OutboxRecipient.State.PENDING, null),
                new OutboxRecipient(1, LIST, OutboxRecipient.State.SENT, null));
        Decision sent = decide.nobodyLeft(partly, suppressed, NOW);
        assertThat(sent.tally()).isEqualTo(Tally.SENT);
        assertThat(sent.update().state()).isEqualTo(OutboxState.SENT);
        assertThat(sent.update().lastError()).isEqualTo("earlier error");
    }
}

package dev.culprit.store;

import static dev.culprit.testing.TestMails.cc;
import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.culprit.model.Verdict;
import dev.culprit.store.MailUpdate.LedgerEntry;
import dev.culprit.store.MailUpdate.RecipientChange;
import dev.culprit.testing.MutableClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private Database db;
    private Outbox outbox;

    @BeforeEach
    void open() throws Exception {
        db = Database.inMemory();
        outbox = new Outbox(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesEachVerdictInItsState() throws Exception {
        assertThat(outbox.intake().accept(mail("k1", Verdict.MAIL, to("a@example.org")), "1.log", "h1").disposition())
                .isEqualTo(Acceptance.Disposition.QUEUED);
        assertThat(outbox.intake().accept(mail("k2", Verdict.MODERATE, to("a@example.org")), "2.log", "h2").disposition())
                .isEqualTo(Acceptance.Disposition.HELD);
        assertThat(outbox.intake().accept(mail("k3", Verdict.SKIP, to("a@example.org")), "3.log", "h3").disposition())
                .isEqualTo(Acceptance.Disposition.SKIPPED);
        OutboxSummary s = outbox.status().summary();
        assertThat(s.count(OutboxState.PENDING)).isEqualTo(1);
        assertThat(s.count(OutboxState.HELD)).isEqualTo(1);
        assertThat(s.count(OutboxState.SKIPPED)).isEqualTo(1);
        assertThat(s.oldestPending()).contains(clock.instant());
    }

    @Test
    void sameContentUnderAnotherNameIsADuplicate() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "first.log", "same-hash");
        Acceptance again = outbox.intake().accept(mail("k1", to("a@example.org")), "second.log", "same-hash");
        assertThat(again.disposition()).isEqualTo(Acceptance.Disposition.DUPLICATE_CONTENT);
        assertThat(again.duplicateOf()).isEqualTo("first.log");
        assertThat(outbox.intake().processedAs("same-hash")).contains("first.log");
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(1);
    }

    @Test
    void sameResultFromDifferentContentIsStoredOnce() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "first.log", "hash-a");
        Acceptance again = outbox.intake().accept(mail("k1", to("a@example.org")), "rerun.log", "hash-b");
        assertThat(again.disposition()).isEqualTo(Acceptance.Disposition.DUPLICATE_RESULT);
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(1);
        assertThat(outbox.intake().processedAs("hash-b")).contains("rerun.log");
    }

    @Test
    void claimKeepsMessageBytesAndRecipientsWithReasons() throws Exception {
        var prepared = mail("k1", to("a@example.org", "author of the culprit"), cc("list@vger.kernel.org", "mailing list"));
        outbox.intake().accept(prepared, "1.log", "h1");
        List<OutboxMail> claimed = outbox.claims().claim("me", 10, Duration.ofMinutes(5));
        assertThat(claimed).hasSize(1);
        OutboxMail m = claimed.get(0);
        assertThat(m.message()).isEqualTo(prepared.message());
        assertThat(m.messageId()).isEqualTo(prepared.messageId());
        assertThat(m.state()).isEqualTo(OutboxState.SENDING);
        assertThat(m.recipients()).extracting(r -> r.recipient().address(), r -> r.recipient().reasons())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a@example.org", List.of("author of the culprit")),
                        org.assertj.core.groups.Tuple.tuple("list@vger.kernel.org", List.of("mailing list")));
    }

    @Test
    void claimedMailIsNotClaimedAgainUntilItsLeaseRunsOut() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "1.log", "h1");
        assertThat(outbox.claims().claim("one", 10, Duration.ofMinutes(5))).hasSize(1);
        assertThat(outbox.claims().claim("two", 10, Duration.ofMinutes(5))).isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(outbox.claims().claim("two", 10, Duration.ofMinutes(5))).hasSize(1);
    }

    @Test
    void claimTakesPendingAndAbandonedMailsInTheOrderTheyWereDue() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "1.log", "h1");
        clock.advance(Duration.ofMinutes(1));
        outbox.intake().accept(mail("k2", to("a@example.org")), "2.log", "h2");
        clock.advance(Duration.ofMinutes(1));
        outbox.intake().accept(mail("k3", to("a@example.org")), "3.log", "h3");
        assertThat(outbox.claims().claim("crashed", 1, Duration.ofMinutes(5))).extracting(OutboxMail::resultKey).containsExactly("k1");
        clock.advance(Duration.ofMinutes(6));
        assertThat(outbox.claims().claim("two", 2, Duration.ofMinutes(5))).extracting(OutboxMail::resultKey).containsExactly("k1", "k2");
        assertThat(outbox.claims().claim("two", 2, Duration.ofMinutes(5))).extracting(OutboxMail::resultKey).containsExactly("k3");
    }

    @Test
    void aMailAnOperatorHoldsWhileItIsBeingClaimedIsNotClaimed() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "1.log", "h1");
        outbox.intake().accept(mail("k2", to("b@example.org")), "2.log", "h2");
        AtomicReference<List<OutboxMail>> claimed = new AtomicReference<>();
        try (Connection operator = db.connection()) {
            operator.setAutoCommit(false);
            try (Statement s = operator.createStatement()) {
                assertThat(s.executeUpdate("update outbox set state = 'held' where result_key = 'k1'")).isEqualTo(1);
            }
            // the claim reads both mails as pending, then waits for the row the operator's
            // transaction holds, and reads it again once that transaction is committed
            Thread claim = new Thread(() -> {
                try {
                    claimed.set(outbox.claims().claim("me", 10, Duration.ofMinutes(5)));
                } catch (StoreException e) {
                    throw new IllegalStateException(e);
                }
            });
            claim.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> claim.getState() == Thread.State.TIMED_WAITING
                    || claim.getState() == Thread.State.WAITING);
            operator.commit();
            claim.join(10_000);
        }
        assertThat(claimed.get()).extracting(OutboxMail::resultKey).containsExactly("k2");
        assertThat(outbox.status().summary().count(OutboxState.HELD)).isEqualTo(1);
    }

    @Test
    void updateIsRefusedToAnInstanceThatLostItsLease() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claims().claim("one", 10, Duration.ofMinutes(5)).get(0);
        clock.advance(Duration.ofMinutes(6));
        outbox.claims().claim("two", 10, Duration.ofMinutes(5));
        boolean ok = outbox.outcomes().update(new MailUpdate(m.id(), "one", OutboxState.SENT, 0, clock.instant(), null, Map.of(), List.of()));
        assertThat(ok).isFalse();
        assertThat(outbox.status().summary().count(OutboxState.SENDING)).isEqualTo(1);
    }

    @Test
    void sentMailIsRecordedInTheLedgerPerRecipient() throws Exception {
        outbox.intake().accept(mail("k1", to("A@example.org"), cc("list@vger.kernel.org")), "1.log", "h1");
        OutboxMail m = outbox.claims().claim("me", 10, Duration.ofMinutes(5)).get(0);
        assertThat(outbox.outcomes().update(new MailUpdate(m.id(), "me", OutboxState.SENT, 0, clock.instant(), null,
                Map.of(0, new RecipientChange(OutboxRecipient.State.SENT, null), 1, new RecipientChange(OutboxRecipient.State.SENT, null)),
                List.of(new LedgerEntry("A@example.org", false), new LedgerEntry("list@vger.kernel.org", true))))).isTrue();
        assertThat(outbox.ledger().mailsSentSince(clock.instant().minusSeconds(60))).isEqualTo(1);
        assertThat(outbox.ledger().personalMailsSince("a@example.org", clock.instant().minusSeconds(60))).isEqualTo(1);
        assertThat(outbox.ledger().personalMailsSince("list@vger.kernel.org", clock.instant().minusSeconds(60))).isZero();
        assertThat(outbox.status().summary().count(OutboxState.SENT)).isEqualTo(1);
        assertThat(outbox.claims().claim("me", 10, Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void eachRecipientKeepsItsOwnOutcome() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org"), to("b@example.org"), cc("c@example.org"), cc("d@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claims().claim("me", 10, Duration.ofMinutes(5)).get(0);
        assertThat(outbox.outcomes().update(new MailUpdate(m.id(), "me", OutboxState.PENDING, 1, clock.instant().plusSeconds(60), "451 later",
                Map.of(0, new RecipientChange(OutboxRecipient.State.SENT, null),
                        1, new RecipientChange(OutboxRecipient.State.FAILED, "550 no such user"),
                        3, new RecipientChange(OutboxRecipient.State.FAILED, "550 mailbox full")),
                List.of(new LedgerEntry("a@example.org", false))))).isTrue();
        clock.advance(Duration.ofSeconds(61));
        OutboxMail again = outbox.claims().claim("me", 10, Duration.ofMinutes(5)).get(0);
        assertThat(again.recipients()).extracting(OutboxRecipient::state).containsExactly(OutboxRecipient.State.SENT,
                OutboxRecipient.State.FAILED, OutboxRecipient.State.PENDING, OutboxRecipient.State.FAILED);
        assertThat(again.recipients()).extracting(OutboxRecipient::lastError).containsExactly(null, "550 no such user", null,
                "550 mailbox full");
        assertThat(outbox.ledger().personalMailsSince("a@example.org", clock.instant().minusSeconds(600))).isEqualTo(1);
        assertThat(outbox.ledger().personalMailsSince("b@example.org", clock.instant().minusSeconds(600))).isZero();
    }

    @Test
    void pendingMailWaitsForItsNextAttemptTime() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claims().claim("me", 10, Duration.ofMinutes(5)).get(0);
        outbox.outcomes().update(new MailUpdate(m.id(), "me", OutboxState.PENDING, 1, clock.instant().plusSeconds(120), "451 try later",
                Map.of(), List.of()));
        assertThat(outbox.claims().claim("me", 10, Duration.ofMinutes(5))).isEmpty();
        clock.advance(Duration.ofSeconds(121));
        OutboxMail again = outbox.claims().claim("me", 10, Duration.ofMinutes(5)).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo("451 try later");
    }

    @Test
    void abandonedSendingMailsArePendingAgainOnAnEmbeddedStore() throws Exception {
        outbox.intake().accept(mail("k1", to("a@example.org")), "1.log", "h1");
        outbox.claims().claim("crashed", 10, Duration.ofMinutes(5));
        assertThat(outbox.claims().recoverAbandoned()).isEqualTo(1);
        assertThat(outbox.claims().claim("me", 10, Duration.ofMinutes(5))).hasSize(1);
    }

    @Test
    void optOutIsCaseInsensitive() throws Exception {
        assertThat(outbox.optOuts().add("Someone@Example.org", "asked by mail")).isTrue();
        assertThat(outbox.optOuts().add("someone@example.org", "again")).isFalse();
        assertThat(outbox.optOuts().optedOut(List.of("SOMEONE@example.org", "other@example.org"))).containsExactly("someone@example.org");
    }

    @Test
    void setupProblemIsKeptUntilCleared() throws Exception {
        outbox.status().setSetupProblem("535 authentication failed", clock.instant().plusSeconds(60));
        assertThat(outbox.status().setupProblem()).hasValueSatisfying(p -> assertThat(p.text()).isEqualTo("535 authentication failed"));
        outbox.status().clearSetupProblem();
        assertThat(outbox.status().setupProblem()).isEmpty();
    }
}

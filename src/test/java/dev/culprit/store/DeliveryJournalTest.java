package dev.culprit.store;

import static dev.culprit.testing.TestMails.cc;
import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.store.MailUpdate.LedgerEntry;
import dev.culprit.store.MailUpdate.RecipientChange;
import dev.culprit.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery journal of the embedded store: outcomes of sent mails, folded into the outbox later. */
class DeliveryJournalTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    @TempDir
    Path dir;
    private Database db;
    private Outbox outbox;

    @BeforeEach
    void open() throws Exception {
        db = openStore();
        outbox = new Outbox(db, clock);
    }

    private Database openStore() throws StoreException {
        return Database.open(new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl(), null, null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static MailUpdate sent(OutboxMail m, String owner) {
        Map<Integer, RecipientChange> changes = new java.util.HashMap<>();
        List<LedgerEntry> ledger = new ArrayList<>();
        for (OutboxRecipient r : m.recipients()) {
            changes.put(r.position(), new RecipientChange(OutboxRecipient.State.SENT, null));
            ledger.add(new LedgerEntry(r.address(), r.address().startsWith("list")));
        }
        return new MailUpdate(m.id(), owner, OutboxState.SENT, m.attempts(), Instant.parse("2026-01-01T00:00:00Z"), null, changes, ledger);
    }

    @Test
    void aJournaledOutcomeIsInTheOutboxOnceFoldedWithTheTimeItWasRecorded() throws Exception {
        outbox.accept(mail("k1", to("A@example.org"), cc("list@vger.kernel.org")), "1.log", "h1");
        OutboxMail m = outbox.claim("me", 10, Duration.ofMinutes(5)).get(0);
        Instant recorded = clock.instant().plusSeconds(3);
        clock.advance(Duration.ofSeconds(3));
        assertThat(outbox.recordSent(sent(m, "me"))).isTrue();

        // committed to the journal only: the mail is still being sent, the ledger has nothing yet
        assertThat(journalRows()).isEqualTo(1);
        assertThat(outbox.summary().count(OutboxState.SENDING)).isEqualTo(1);
        assertThat(outbox.mailsSentSince(Instant.EPOCH)).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(outbox.foldJournal()).isEqualTo(1);
        assertThat(journalRows()).isZero();
        assertThat(outbox.summary().count(OutboxState.SENT)).isEqualTo(1);
        assertThat(sentAt(m.id())).isEqualTo(recorded);
        assertThat(outbox.mailsSentSince(recorded.minusMillis(1))).isEqualTo(1);
        assertThat(outbox.mailsSentSince(recorded)).as("the ledger's time is the record's, not the fold's").isZero();
        assertThat(outbox.personalMailsSince("a@example.org", Instant.EPOCH)).isEqualTo(1);
        assertThat(outbox.personalMailsSince("list@vger.kernel.org", Instant.EPOCH)).isZero();
        assertThat(outbox.foldJournal()).isZero();
    }

    @Test
    void foldingWritesEachMailsOwnRecipientOutcomes() throws Exception {
        outbox.accept(mail("k1", to("a@example.org"), to("b@example.org"), cc("c@example.org")), "1.log", "h1");
        outbox.accept(mail("k2", to("d@example.org")), "2.log", "h2");
        List<OutboxMail> claimed = outbox.claim("me", 10, Duration.ofMinutes(5));
        OutboxMail first = claimed.get(0);
        OutboxMail second = claimed.get(1);
        outbox.recordSent(new MailUpdate(first.id(), "me", OutboxState.SENT, 0, clock.instant(), null,
                Map.of(0, new RecipientChange(OutboxRecipient.State.SENT, null),
                        1, new RecipientChange(OutboxRecipient.State.FAILED, "550 \"no\" such user\nsecond line, ünïcödé"),
                        2, new RecipientChange(OutboxRecipient.State.SUPPRESSED, "opted out")),
                List.of(new LedgerEntry("a@example.org", false))));
        outbox.recordSent(sent(second, "me"));

        assertThat(outbox.foldJournal()).isEqualTo(2);
        OutboxMail one = outbox.inState(OutboxState.SENT, 10).stream().filter(x -> x.id() == first.id()).findFirst().orElseThrow();
        assertThat(one.recipients()).extracting(OutboxRecipient::state).containsExactly(OutboxRecipient.State.SENT,
                OutboxRecipient.State.FAILED, OutboxRecipient.State.SUPPRESSED);
        assertThat(one.recipients()).extracting(OutboxRecipient::lastError).containsExactly(null,
                "550 \"no\" such user\nsecond line, ünïcödé", "opted out");
        assertThat(outbox.personalMailsSince("a@example.org", Instant.EPOCH)).isEqualTo(1);
        assertThat(outbox.personalMailsSince("b@example.org", Instant.EPOCH)).isZero();
        assertThat(outbox.personalMailsSince("d@example.org", Instant.EPOCH)).isEqualTo(1);
        assertThat(outbox.mailsSentSince(Instant.EPOCH)).isEqualTo(2);
    }

    @Test
    void afterACrashTheJournaledMailsAreSentAndTheOthersPendingAgain() throws Exception {
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        outbox.accept(mail("k2", to("b@example.org")), "2.log", "h2");
        List<OutboxMail> claimed = outbox.claim("crashed", 10, Duration.ofMinutes(5));
        outbox.recordSent(sent(claimed.get(0), "crashed"));
        // the process dies here: the second mail was claimed, not sent; the store is opened anew
        db.close();
        db = openStore();
        outbox = new Outbox(db, clock);

        assertThat(outbox.recoverAbandoned()).isEqualTo(1);
        assertThat(journalRows()).isZero();
        assertThat(outbox.summary().count(OutboxState.SENT)).isEqualTo(1);
        List<OutboxMail> again = outbox.claim("me", 10, Duration.ofMinutes(5));
        assertThat(again).extracting(OutboxMail::id).containsExactly(claimed.get(1).id());
        assertThat(outbox.personalMailsSince("a@example.org", Instant.EPOCH)).isEqualTo(1);
    }

    @Test
    void aMailWhoseOutcomeWaitsInTheJournalIsNotClaimedAgainWhenItsLeaseRunsOut() throws Exception {
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claim("me", 10, Duration.ofMinutes(5)).get(0);
        outbox.recordSent(sent(m, "me"));
        clock.advance(Duration.ofMinutes(6));
        assertThat(outbox.claim("other", 10, Duration.ofMinutes(5))).isEmpty();
        outbox.foldJournal();
        assertThat(outbox.summary().count(OutboxState.SENT)).isEqualTo(1);
    }

    @Test
    void anOutcomeWhoseMailLeftSendingMeanwhileChangesNothing() throws Exception {
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claim("me", 10, Duration.ofMinutes(5)).get(0);
        outbox.recordSent(sent(m, "me"));
        outbox.release(m.id(), "me");

        assertThat(outbox.foldJournal()).isEqualTo(1);
        assertThat(journalRows()).isZero();
        assertThat(outbox.summary().count(OutboxState.PENDING)).isEqualTo(1);
        assertThat(outbox.mailsSentSince(Instant.EPOCH)).isZero();
    }

    @Test
    void anUnreadableJournalRowFailsTheFoldAndIsKept() throws Exception {
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claim("me", 10, Duration.ofMinutes(5)).get(0);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "insert into delivery_journal (outbox_id, outcome, recorded_at) values (?, 'not an outcome', current_timestamp)")) {
            ps.setLong(1, m.id());
            ps.executeUpdate();
        }
        assertThatThrownBy(outbox::foldJournal).isInstanceOf(StoreException.class).hasMessageContaining("delivery journal");
        assertThat(journalRows()).isEqualTo(1);
        assertThat(outbox.summary().count(OutboxState.SENDING)).isEqualTo(1);
    }

    @Test
    void theCodecKeepsEveryField() {
        MailUpdate u = new MailUpdate(42, "host-1:1234", OutboxState.PENDING, 3, Instant.parse("2026-02-03T04:05:06.789Z"),
                "451 \"later\"\r\n\u2028 ünïcödé",
                Map.of(0, new RecipientChange(OutboxRecipient.State.SENT, null), 7, new RecipientChange(OutboxRecipient.State.FAILED, "550")),
                List.of(new LedgerEntry("a@example.org", false), new LedgerEntry("list@vger.kernel.org", true)));
        assertThat(JournalCodec.decode(JournalCodec.encode(u))).isEqualTo(u);
    }

    private int journalRows() throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select count(*) from delivery_journal");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Instant sentAt(long id) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select sent_at from outbox where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }
}

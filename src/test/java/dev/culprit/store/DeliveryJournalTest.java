package dev.culprit.store;

import static dev.culprit.testing.TestMails.cc;
import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.store.MailUpdate.LedgerEntry;
import dev.culprit.store.MailUpdate.RecipientChange;
import dev.culprit.testing.MutableClock;
import java.nio.file.Files;
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

/** The delivery journal of the embedded store: outcomes of sent mails in files beside it, folded into the outbox later. */
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

    /** Closes the store, as a process that dies does, and opens it anew. */
    private void reopen() throws StoreException {
        db.close();
        db = openStore();
        outbox = new Outbox(db, clock);
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

    /** Two mails, one to a@ and one to b@, queued and claimed by {@code owner}. */
    private List<OutboxMail> twoClaimed(String owner) throws Exception {
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        outbox.accept(mail("k2", to("b@example.org")), "2.log", "h2");
        return outbox.claim(owner, 10, Duration.ofMinutes(5));
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
        List<OutboxMail> claimed = twoClaimed("crashed");
        outbox.recordSent(sent(claimed.get(0), "crashed"));
        // the process dies here: the second mail was claimed, not sent; the store is opened anew
        reopen();

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
    void aMailPutBackToPendingByAFoldedOutcomeIsClaimedAgain() throws Exception {
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claim("me", 10, Duration.ofMinutes(5)).get(0);
        // a 4xx reply: the mail is to be tried again at once
        outbox.recordSent(new MailUpdate(m.id(), "me", OutboxState.PENDING, 1, clock.instant(), "451 try later", Map.of(), List.of()));
        assertThat(outbox.claim("me", 10, Duration.ofMinutes(5))).as("still sending until folded").isEmpty();

        assertThat(outbox.foldJournal()).isEqualTo(1);
        List<OutboxMail> again = outbox.claim("me", 10, Duration.ofMinutes(5));
        assertThat(again).extracting(OutboxMail::id).containsExactly(m.id());
        assertThat(again.get(0).attempts()).isEqualTo(1);
        // its lease runs out before its next outcome: taken over like any other
        clock.advance(Duration.ofMinutes(6));
        assertThat(outbox.claim("other", 10, Duration.ofMinutes(5))).extracting(OutboxMail::id).containsExactly(m.id());
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
    void theJournalIsAFileBesideTheDatabase() throws Exception {
        assertThat(db.journalDirectory()).contains(dir.resolve("culprit.journal").toAbsolutePath());
        assertThat(Database.inMemory().journalDirectory()).as("a store in memory writes outcomes in place").isEmpty();
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claim("me", 10, Duration.ofMinutes(5)).get(0);
        outbox.recordSent(sent(m, "me"));
        assertThat(segments()).extracting(p -> p.getFileName().toString()).containsExactly("00000001.journal");
        assertThat(Files.readString(segments().get(0))).endsWith("\n").contains("\"state\":\"SENT\"");
    }

    @Test
    void outcomesRecordedWhileAFoldRunsWaitForTheNext() throws Exception {
        List<OutboxMail> claimed = twoClaimed("me");
        outbox.recordSent(sent(claimed.get(0), "me"));
        // a fold has sealed the first segment when the second mail's outcome comes
        db.journal().orElseThrow().seal();
        outbox.recordSent(sent(claimed.get(1), "me"));
        assertThat(segments()).hasSize(2);

        assertThat(outbox.foldJournal()).isEqualTo(2);
        assertThat(segments()).isEmpty();
        assertThat(outbox.summary().count(OutboxState.SENT)).isEqualTo(2);
    }

    @Test
    void aLineCutShortByACrashIsReportedAndItsMailGoesOutAgain() throws Exception {
        List<OutboxMail> claimed = twoClaimed("crashed");
        outbox.recordSent(sent(claimed.get(0), "crashed"));
        outbox.recordSent(new MailUpdate(claimed.get(1).id(), "crashed", OutboxState.PENDING, 1, clock.instant(), "421 ünïcödé", Map.of(),
                List.of()));
        db.close();
        // the process died in the middle of the second line, inside a character of its error
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        int cut = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("\u00c3") + 1;
        Files.write(segment, java.util.Arrays.copyOf(bytes, cut));
        db = openStore();
        outbox = new Outbox(db, clock);

        assertThat(outbox.recoverAbandoned()).as("the mail of the cut line is pending again").isEqualTo(1);
        assertThat(outbox.summary().count(OutboxState.SENT)).isEqualTo(1);
        assertThat(outbox.claim("me", 10, Duration.ofMinutes(5))).extracting(OutboxMail::id).containsExactly(claimed.get(1).id());
        // the segment is kept for the operator, and read no more
        assertThat(segments()).isEmpty();
        assertThat(dir.resolve("culprit.journal").resolve("00000001.journal.unreadable")).exists();
        assertThat(outbox.foldJournal()).isZero();
    }

    @Test
    void aReopenedStoreWritesAfterTheSegmentsLeftInItsJournal() throws Exception {
        List<OutboxMail> claimed = twoClaimed("me");
        outbox.recordSent(sent(claimed.get(0), "me"));
        reopen();
        // the first segment is still there, not folded: the next outcome goes to a new one
        outbox.recordSent(sent(claimed.get(1), "me"));
        assertThat(segments()).extracting(p -> p.getFileName().toString()).containsExactly("00000001.journal", "00000002.journal");
        assertThat(outbox.foldJournal()).isEqualTo(2);
        assertThat(outbox.summary().count(OutboxState.SENT)).isEqualTo(2);
    }

    @Test
    void outcomesLeftInTheJournalTableOfAnEarlierVersionAreFoldedAtStart() throws Exception {
        outbox.accept(mail("k1", to("a@example.org")), "1.log", "h1");
        OutboxMail m = outbox.claim("crashed", 10, Duration.ofMinutes(5)).get(0);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "insert into delivery_journal (outbox_id, outcome, recorded_at) values (?, ?, ?)")) {
            ps.setLong(1, m.id());
            ps.setString(2, JournalCodec.encode(sent(m, "crashed")));
            ps.setObject(3, clock.instant().atOffset(java.time.ZoneOffset.UTC));
            ps.executeUpdate();
        }

        assertThat(outbox.recoverAbandoned()).isZero();
        assertThat(outbox.summary().count(OutboxState.SENT)).isEqualTo(1);
        assertThat(outbox.mailsSentSince(Instant.EPOCH)).isEqualTo(1);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select count(*) from delivery_journal");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aLineThatIsNotAnOutcomeIsNamedByItsFileAndNumber() throws Exception {
        Path segment = dir.resolve("00000007.journal");
        Files.writeString(segment, JournalCodec.encodeLine(new MailUpdate(3, "me", OutboxState.SENT, 0, clock.instant(), null,
                Map.of(), List.of()), clock.instant()) + "\nnot an outcome\n{\"at\":\"2026-01-01T00:00:00Z\"}\n");
        OutcomeJournal.Segment read = OutcomeJournal.read(segment);
        assertThat(read.outcomes()).extracting(o -> o.update().id()).containsExactly(3L);
        assertThat(read.unreadable()).hasSize(2);
        assertThat(read.unreadable().get(0)).startsWith(segment + ":2: not an outcome");
        assertThat(read.unreadable().get(1)).startsWith(segment + ":3: not an outcome");
    }

    @Test
    void theCodecKeepsEveryField() {
        MailUpdate u = new MailUpdate(42, "host-1:1234", OutboxState.PENDING, 3, Instant.parse("2026-02-03T04:05:06.789Z"),
                "451 \"later\"\r\n\u2028 ünïcödé",
                Map.of(0, new RecipientChange(OutboxRecipient.State.SENT, null), 7, new RecipientChange(OutboxRecipient.State.FAILED, "550")),
                List.of(new LedgerEntry("a@example.org", false), new LedgerEntry("list@vger.kernel.org", true)));
        assertThat(JournalCodec.decode(JournalCodec.encode(u))).isEqualTo(u);
        Instant at = Instant.parse("2026-02-03T04:05:07.123456Z");
        assertThat(JournalCodec.decodeLine(JournalCodec.encodeLine(u, at))).isEqualTo(new Outbox.Outcome(u, at));
        // one line: a line break in an error is escaped (U+2028 is kept; lines are split at CR and LF only)
        assertThat(JournalCodec.encodeLine(u, at)).doesNotContain("\n", "\r");
    }

    /** The outcomes waiting in the journal's segments. */
    private int journalRows() throws Exception {
        int n = 0;
        for (Path p : segments()) {
            n += (int) Files.readAllLines(p).stream().filter(l -> !l.isEmpty()).count();
        }
        return n;
    }

    private List<Path> segments() throws Exception {
        try (var files = Files.list(dir.resolve("culprit.journal"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).sorted().toList();
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

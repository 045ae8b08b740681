package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import dev.culprit.testing.MutableClock;
import dev.culprit.testing.TestMails;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultBlamesTest {
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

    /** A stored cause result blaming {@code culprit} for {@code crash}. */
    private void store(String key, String culprit, String crash, Verdict verdict) throws StoreException {
        BisectionReport r = dev.culprit.model.ReportBuilder.culprit().culpritHash(culprit).originalCrashTitle(crash).build();
        PreparedMail plain = TestMails.mail(key, verdict, TestMails.to("a@example.org"));
        PreparedMail m = new PreparedMail(plain.source(), new ResultKey(key), plain.messageId(), r,
                new Assessment(verdict, 1.0, List.of()), plain.recipients(), plain.subject(), plain.message(), List.of());
        outbox.intake().accept(m, key + ".log", "hash-" + key);
    }

    @Test
    void countsStoredResultsThatBlamedTheCommitForAnotherCrash() throws Exception {
        String commit = "a".repeat(40);
        assertThat(outbox.blames().others(commit, "WARNING in x")).isZero();
        store("k1", commit, "WARNING in x", Verdict.MAIL);
        store("k2", commit, "KASAN: use-after-free Read in y", Verdict.MODERATE);
        store("k3", "b".repeat(40), "WARNING in z", Verdict.MAIL);
        assertThat(outbox.blames().others(commit, "WARNING in x")).isEqualTo(1);
        assertThat(outbox.blames().others(commit, "general protection fault in z")).isEqualTo(2);
        assertThat(outbox.blames().others(commit, null)).isEqualTo(2);
        assertThat(outbox.blames().others("c".repeat(40), "WARNING in x")).isZero();
    }

    @Test
    void aResultStoredAgainIsCountedOnce() throws Exception {
        String commit = "a".repeat(40);
        store("k1", commit, "WARNING in x", Verdict.MAIL);
        store("k1", commit, "WARNING in x", Verdict.MAIL);
        assertThat(outbox.blames().others(commit, "KASAN in y")).isEqualTo(1);
    }
}

package dev.culprit.mail;

import dev.culprit.model.PreparedMail;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxState;
import dev.culprit.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * An outbox in the embedded store kept in the state directory, as the service has it, and a
 * deliverer to a server on a loopback port.
 */
final class DeliveryFixture implements AutoCloseable {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Database db;
    final Outbox outbox;
    final SmtpSettings smtp;
    DeliverySettings delivery = new DeliverySettings(10, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(3),
            100, 3, null);
    KillSwitch kill;
    String password;

    DeliveryFixture(int port, Path stateDir) throws Exception {
        this(new SmtpSettings("127.0.0.1", port, SmtpSecurity.NONE, null, null, null, "bot.culprit.test", "bounces@culprit.test",
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)), stateDir);
    }

    DeliveryFixture(SmtpSettings smtp, Path stateDir) throws Exception {
        this.smtp = smtp;
        this.db = Database.open(new dev.culprit.store.StoreSettings(stateDir, null, null, null, null, null, null).effectiveJdbcUrl(),
                null, null);
        this.outbox = new Outbox(db, clock);
        this.kill = new KillSwitch(false, stateDir);
    }

    Deliverer deliverer() {
        return new Deliverer(outbox, new SmtpTransport(smtp, password, new SmtpErrorClassifier()), delivery, Duration.ofMinutes(5),
                kill, SendTimePolicy.optOutsOnly(), "test-instance", clock,
                new Backoff(delivery.initialBackoff(), delivery.maxBackoff(), new Random(42)));
    }

    BatchResult deliver() throws Exception {
        return deliverer().deliverBatch(() -> false);
    }

    void queue(PreparedMail... mails) throws Exception {
        for (PreparedMail m : mails) {
            outbox.intake().accept(m, m.source(), m.key().sha256());
        }
    }

    /** The one mail in the given state (claimed and given back, so it stays as it was). */
    OutboxMail only(OutboxState state) throws Exception {
        List<OutboxMail> l = outbox.status().inState(state, 10);
        if (l.size() != 1) {
            throw new AssertionError("expected one " + state.id() + " mail, found " + l.size());
        }
        return l.get(0);
    }

    @Override
    public void close() {
        db.close();
    }
}

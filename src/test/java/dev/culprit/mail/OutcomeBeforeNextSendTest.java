package dev.culprit.mail;

import static dev.culprit.testing.TestMails.cc;
import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxState;
import dev.culprit.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outcome of a sent mail is committed before the next mail is sent: whenever a message is
 * sent, every message sent before it is recorded as sent in the outbox.
 */
class OutcomeBeforeNextSendTest {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID: (\\S+)");

    @TempDir
    Path state;

    private DeliveryFixture f;
    private Database db;
    private Outbox outbox;

    @BeforeEach
    void open() throws Exception {
        // the fixture's store and clock; the server here is the checking one below, not SMTP
        f = new DeliveryFixture(25, state);
        db = f.db;
        outbox = f.outbox;
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** A server that, as it receives a message, reads from the store whether the messages it received before are recorded as sent. */
    private final class CheckingServer implements MailTransport {
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<String> unrecordedWhenTheNextCompleted = new CopyOnWriteArrayList<>();
        /** Run as the message with this index is sent, to break the store. */
        int breakStoreBefore = -1;

        @Override
        public Connection open() {
            return new Connection() {
                @Override
                public SendOutcome send(byte[] message, List<String> recipients) {
                    if (completed.size() == breakStoreBefore) {
                        breakStore();
                    }
                    List<String> sentIds = recordedAsSent();
                    for (String earlier : completed) {
                        if (!sentIds.contains(earlier)) {
                            unrecordedWhenTheNextCompleted.add(earlier);
                        }
                    }
                    Matcher m = MESSAGE_ID.matcher(new String(message, StandardCharsets.UTF_8));
                    completed.add(m.find() ? m.group(1) : "?");
                    return SendOutcome.allAccepted(recipients);
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
            return "smtp://checking";
        }
    }

    /** The Message-IDs of the mails recorded as sent. */
    private List<String> recordedAsSent() {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select message_id from outbox o where state = 'sent'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return ids;
    }

    /** Takes away a table a mail's outcome is written to. */
    private void breakStore() {
        sql("alter table sent_ledger rename to sent_ledger_away");
    }

    private void mendStore() {
        sql("alter table sent_ledger_away rename to sent_ledger");
    }

    private void sql(String statement) {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private Deliverer deliverer(MailTransport transport) {
        return deliverer(transport, new DeliverySettings(100, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(3),
                100_000, 1000, null));
    }

    private Deliverer deliverer(MailTransport transport, DeliverySettings delivery) {
        return new Deliverer(outbox, transport, delivery, Duration.ofMinutes(5), f.kill, SendTimePolicy.optOutsOnly(),
                "test-instance", f.clock, new Backoff(delivery.initialBackoff(), delivery.maxBackoff(), new Random(42)));
    }

    private void queue(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            var m = mail("cause/" + i, to("dev" + i + "@example.org"), cc("list@vger.kernel.org"));
            outbox.intake().accept(m, m.source(), m.key().sha256());
        }
    }

    @Test
    void noMessageIsCompletedBeforeTheOneBeforeItIsRecordedAsSent() throws Exception {
        queue(60);
        CheckingServer server = new CheckingServer();
        BatchResult r = deliverer(server).deliverBatch(() -> false);

        assertThat(r.sent()).isEqualTo(60);
        assertThat(server.completed).hasSize(60).doesNotHaveDuplicates();
        assertThat(server.unrecordedWhenTheNextCompleted).isEmpty();
        assertThat(outbox.status().inState(OutboxState.SENT, 100)).hasSize(60);
        assertThat(outbox.status().summary().counts()).containsOnlyKeys(OutboxState.SENT);
    }

    @Test
    void aRecordThatFailsStopsTheBatchBeforeTheNextMessageIsCompleted() throws Exception {
        queue(5);
        CheckingServer server = new CheckingServer();
        // the record of the first mail fails: a table it is written to goes away while the mail is sent
        server.breakStoreBefore = 0;

        assertThatThrownBy(() -> deliverer(server).deliverBatch(() -> false))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot record the delivery");

        // the first mail went out; the second was not sent
        assertThat(server.completed).hasSize(1);
        mendStore();
        assertThat(outbox.status().inState(OutboxState.SENT, 10)).isEmpty();
        // nothing recorded as sent: after a restart every mail is sent again, the first a duplicate
        assertThat(outbox.claims().recoverAbandoned()).isEqualTo(5);
        assertThat(outbox.status().inState(OutboxState.PENDING, 10)).hasSize(5);
    }

    @Test
    void theCapsCountWhatEarlierBatchesOfTheSameRunSent() throws Exception {
        for (int i = 0; i < 6; i++) {
            // everyone but the last two is mailed once; those two share four mails
            var m = mail("cause/" + i, to(i < 2 ? "dev" + i + "@example.org" : "busy" + (i % 2) + "@example.org"));
            outbox.intake().accept(m, m.source(), m.key().sha256());
        }
        CheckingServer server = new CheckingServer();
        // batches of one mail: every count the caps need comes from an earlier batch of the run
        Deliverer d = deliverer(server, new DeliverySettings(1, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(3),
                5, 1, null));
        int sent = 0;
        int waiting = 0;
        try (DeliveryRun run = d.startRun()) {
            for (int guard = 0; guard < 20; guard++) {
                BatchResult b = run.deliverBatch(() -> false);
                if (b.claimed() == 0) {
                    break;
                }
                sent += b.sent();
                waiting += b.waiting();
            }
        }
        // busy0 and busy1 get one mail each (daily cap 1); dev0, dev1 theirs: four sent, two wait
        assertThat(sent).isEqualTo(4);
        assertThat(waiting).isEqualTo(2);
        assertThat(server.completed).hasSize(4);
        assertThat(outbox.ledger().personalMailsSince("busy0@example.org", f.clock.instant().minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(outbox.status().inState(OutboxState.PENDING, 10)).hasSize(2)
                .allMatch(m -> m.lastError().contains("daily cap"));
    }
}

package dev.culprit.mail;

import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import dev.culprit.testing.ScriptedSmtpServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replies only a server in trouble gives, from a scripted server, and how delivery takes them. */
class ScriptedSmtpIT {
    @TempDir
    Path state;

    private ScriptedSmtpServer server;
    private DeliveryFixture f;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedSmtpServer();
        f = new DeliveryFixture(server.port(), state);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
        server.close();
    }

    @Test
    void reply421IsTransientAndRetriedLater() throws Exception {
        server.reply("MAIL", "421 4.3.2 Service shutting down, closing transmission channel");
        f.queue(mail("k1", to("dev@example.org")));
        BatchResult r = f.deliver();
        assertThat(r.retrying()).isEqualTo(1);
        OutboxMail m = f.only(OutboxState.PENDING);
        assertThat(m.attempts()).isEqualTo(1);
        assertThat(m.lastError()).contains("421");
        assertThat(m.nextAttemptAt()).isAfter(f.clock.instant().plusSeconds(4)).isBefore(f.clock.instant().plusSeconds(11));
    }

    @Test
    void reply451AfterDataIsTransient() throws Exception {
        server.reply("DATA", "451 4.3.0 Temporary local problem");
        f.queue(mail("k1", to("dev@example.org")));
        assertThat(f.deliver().retrying()).isEqualTo(1);
        OutboxMail m = f.only(OutboxState.PENDING);
        assertThat(m.lastError()).contains("451 4.3.0 Temporary local problem");
        assertThat(m.recipients()).allMatch(r -> r.state() == OutboxRecipient.State.PENDING);
    }

    @Test
    void reply550AfterDataFailsTheMailAtOnceKeepingTheReply() throws Exception {
        server.reply("DATA", "550 5.7.1 Message rejected as spam");
        f.queue(mail("k1", to("dev@example.org")));
        assertThat(f.deliver().failed()).isEqualTo(1);
        OutboxMail m = f.only(OutboxState.FAILED);
        assertThat(m.lastError()).contains("550 5.7.1 Message rejected as spam");
        assertThat(m.recipients()).allMatch(r -> r.state() == OutboxRecipient.State.FAILED);
    }

    @Test
    void reply550ForOneRecipientFailsOnlyThatAddress() throws Exception {
        server.reply("RCPT gone@example.org", "550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown");
        f.queue(mail("k1", to("dev@example.org"), to("gone@example.org")));
        assertThat(f.deliver().sent()).isEqualTo(1);
        OutboxMail m = f.only(OutboxState.SENT);
        assertThat(m.recipients()).extracting(OutboxRecipient::address, OutboxRecipient::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dev@example.org", OutboxRecipient.State.SENT),
                        org.assertj.core.groups.Tuple.tuple("gone@example.org", OutboxRecipient.State.FAILED));
        assertThat(m.recipients().get(1).lastError()).contains("550 5.1.1").contains("User unknown");
        assertThat(f.outbox.ledger().personalMailsSince("dev@example.org", f.clock.instant().minusSeconds(5))).isEqualTo(1);
        assertThat(f.outbox.ledger().personalMailsSince("gone@example.org", f.clock.instant().minusSeconds(5))).isZero();
    }

    @Test
    void reply450ForOneRecipientRetriesOnlyThatAddress() throws Exception {
        server.reply("RCPT busy@example.org", "450 4.2.1 Mailbox busy, try later");
        f.queue(mail("k1", to("dev@example.org"), to("busy@example.org")));
        assertThat(f.deliver().retrying()).isEqualTo(1);
        OutboxMail m = f.only(OutboxState.PENDING);
        assertThat(m.recipients()).extracting(OutboxRecipient::state)
                .containsExactly(OutboxRecipient.State.SENT, OutboxRecipient.State.PENDING);
        f.clock.advance(Duration.ofMinutes(1));
        server.reply("RCPT busy@example.org", "250 2.1.5 Ok");
        int before = (int) server.commands().stream().filter(c -> c.startsWith("RCPT")).count();
        assertThat(f.deliver().sent()).isEqualTo(1);
        assertThat(server.commands().stream().filter(c -> c.startsWith("RCPT")).skip(before).toList())
                .containsExactly("RCPT TO:<busy@example.org>");
    }

    @Test
    void reply535PausesDeliveryAndFailsNoMail() throws Exception {
        server.reply("AUTH", "535 5.7.8 Error: authentication failed");
        f.close();
        f = new DeliveryFixture(new SmtpSettings("127.0.0.1", server.port(), SmtpSecurity.NONE, "bot", null, "UNUSED", null, null,
                null, null, null), state);
        f.password = "wrong";
        f.queue(mail("k1", to("dev@example.org")), mail("k2", to("dev2@example.org")));
        BatchResult r = f.deliver();
        assertThat(r.sent() + r.failed() + r.retrying()).isZero();
        assertThat(f.outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(2);
        assertThat(f.outbox.status().inState(OutboxState.PENDING, 10)).allMatch(m -> m.attempts() == 0);
        assertThat(f.outbox.status().setupProblem()).hasValueSatisfying(p -> assertThat(p.text()).contains("535"));
        int connections = server.connections();
        BatchResult again = f.deliver();
        assertThat(again.paused()).contains("535");
        assertThat(server.connections()).isEqualTo(connections);
    }

    @Test
    void relayRefusedIsASetupProblem() throws Exception {
        server.reply("RCPT", "554 5.7.1 <dev@example.org>: Relay access denied");
        f.queue(mail("k1", to("dev@example.org")));
        f.deliver();
        OutboxMail m = f.only(OutboxState.PENDING);
        assertThat(m.attempts()).isZero();
        assertThat(m.recipients()).allMatch(r -> r.state() == OutboxRecipient.State.PENDING);
        assertThat(f.outbox.status().setupProblem()).hasValueSatisfying(p -> assertThat(p.text()).contains("Relay access denied"));
    }

    @Test
    void refusedEnvelopeSenderIsASetupProblem() throws Exception {
        server.reply("MAIL", "553 5.7.1 <bounces@culprit.test>: Sender address rejected: not owned by user");
        f.queue(mail("k1", to("dev@example.org")));
        f.deliver();
        assertThat(f.only(OutboxState.PENDING).attempts()).isZero();
        assertThat(f.outbox.status().setupProblem()).isPresent();
    }

    @Test
    void setupProblemClearsOnceDeliveryWorksAgain() throws Exception {
        server.reply("MAIL", "530 5.7.0 Authentication required");
        f.queue(mail("k1", to("dev@example.org")));
        f.deliver();
        assertThat(f.outbox.status().setupProblem()).isPresent();
        server.reply("MAIL", "250 2.1.0 Ok");
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.deliver().sent()).isEqualTo(1);
        assertThat(f.outbox.status().setupProblem()).isEmpty();
    }

    @Test
    void transientFailuresGiveUpAfterTheLifetime() throws Exception {
        server.reply("DATA", "452 4.3.1 Insufficient system storage");
        f.queue(mail("k1", to("dev@example.org")));
        f.deliver();
        f.clock.advance(Duration.ofDays(3));
        assertThat(f.deliver().failed()).isEqualTo(1);
        OutboxMail m = f.only(OutboxState.FAILED);
        assertThat(m.attempts()).isEqualTo(2);
        assertThat(m.lastError()).startsWith("gave up after 2 attempt(s) over PT72H: ").contains("452");
    }

    @Test
    void unreachableServerIsTransientForEveryClaimedMail() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        f.close();
        f = new DeliveryFixture(port, state);
        f.queue(mail("k1", to("a@example.org")), mail("k2", to("b@example.org")));
        BatchResult r = f.deliver();
        assertThat(r.retrying()).isEqualTo(2);
        assertThat(f.outbox.status().inState(OutboxState.PENDING, 10)).allSatisfy(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).startsWith("connection failed");
        });
    }

    @Test
    void oneConnectionCarriesTheWholeBatch() throws Exception {
        for (int i = 0; i < 5; i++) {
            f.queue(mail("k" + i, to("dev" + i + "@example.org")));
        }
        assertThat(f.deliver().sent()).isEqualTo(5);
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.commands()).filteredOn(c -> c.startsWith("EHLO")).containsExactly("EHLO bot.culprit.test");
        assertThat(server.commands()).filteredOn(c -> c.startsWith("MAIL")).allMatch(c -> c.startsWith("MAIL FROM:<bounces@culprit.test>"));
    }

    @Test
    void oneConnectionCarriesTheBatchesOfOneDeliveryRun() throws Exception {
        f.delivery = new DeliverySettings(2, null, null, null, null, null, null);
        for (int i = 0; i < 5; i++) {
            f.queue(mail("k" + i, to("dev" + i + "@example.org")));
        }
        int sent = 0;
        try (DeliveryRun run = f.deliverer().startRun()) {
            for (int i = 0; i < 3; i++) {
                sent += run.deliverBatch(() -> false).sent();
            }
        }
        assertThat(sent).isEqualTo(5);
        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.commands()).filteredOn(c -> c.startsWith("EHLO")).hasSize(1);
        // the kept connection is checked before each further batch
        assertThat(server.commands()).filteredOn(c -> c.equals("NOOP")).hasSize(2);
        // the server records QUIT on its own thread, possibly after the client has closed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(server.commands()).filteredOn(c -> c.equals("QUIT")).hasSize(1));
    }

    @Test
    void keptConnectionClosedByTheServerIsOpenedAgainForTheNextBatch() throws Exception {
        server.reply("CLOSE-AFTER", "DATA");
        f.delivery = new DeliverySettings(1, null, null, null, null, null, null);
        f.queue(mail("k1", to("a@example.org")), mail("k2", to("b@example.org")));
        BatchResult first;
        BatchResult second;
        try (DeliveryRun run = f.deliverer().startRun()) {
            first = run.deliverBatch(() -> false);
            second = run.deliverBatch(() -> false);
        }
        assertThat(first.sent() + second.sent()).isEqualTo(2);
        assertThat(first.retrying() + second.retrying()).isZero();
        assertThat(f.outbox.status().inState(OutboxState.SENT, 10)).hasSize(2).allSatisfy(m -> assertThat(m.attempts()).isZero());
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void serverWithoutStartTlsIsASetupProblemWhenStartTlsIsRequired() throws Exception {
        f.close();
        f = new DeliveryFixture(new SmtpSettings("127.0.0.1", server.port(), SmtpSecurity.STARTTLS, null, null, null, null, null,
                null, null, null), state);
        f.queue(mail("k1", to("dev@example.org")));
        f.deliver();
        assertThat(f.only(OutboxState.PENDING).attempts()).isZero();
        assertThat(f.outbox.status().setupProblem()).hasValueSatisfying(p -> assertThat(p.text()).startsWith("TLS failed").contains("STARTTLS"));
        assertThat(server.commands()).noneMatch(c -> c.startsWith("MAIL"));
    }

    @Test
    void greeting421IsTransient() throws Exception {
        server.reply("greeting", "421 4.3.2 Too many connections, try later");
        f.queue(mail("k1", to("dev@example.org")));
        assertThat(f.deliver().retrying()).isEqualTo(1);
        assertThat(f.only(OutboxState.PENDING).lastError()).contains("421");
        assertThat(f.outbox.status().setupProblem()).isEmpty();
    }
}

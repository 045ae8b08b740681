package dev.culprit.mail;

import static dev.culprit.testing.TestMails.cc;
import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Recipient;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import dev.culprit.testing.GreenMailSetups;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreenMailDeliveryIT {
    @TempDir
    Path state;

    private GreenMail greenMail;
    private DeliveryFixture f;

    @BeforeEach
    void start() throws Exception {
        greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
        f = new DeliveryFixture(greenMail.getSmtp().getPort(), state);
    }

    @AfterEach
    void stop() {
        f.close();
        greenMail.stop();
    }

    @Test
    void deliversTheStoredMessageToEveryRecipient() throws Exception {
        PreparedMail m = mail("k1", to("dev@example.org"), cc("linux-mm@vger.kernel.org"));
        f.queue(m);
        assertThat(f.deliver().sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(120_000, 2)).isTrue();
        MimeMessage[] received = greenMail.getReceivedMessages();
        for (MimeMessage r : received) {
            assertThat(r.getMessageID()).isEqualTo(m.messageId());
            assertThat(r.getSubject()).isEqualTo("[culprit] result k1");
        }
        assertThat(f.only(OutboxState.SENT).recipients()).allMatch(r -> r.state() == OutboxRecipient.State.SENT);
        assertThat(f.deliver().claimed()).isZero();
    }

    @Test
    void theServerReceivesTheStoredMessageByteForByte() throws Exception {
        byte[] stored = dev.culprit.testing.TestMails.mime("<bytes@culprit.example.org>", "[culprit] a subject long enough"
                + " to be folded over two lines by the composer, as long subjects are", "first line\n.a line that starts with a dot\n"
                + "..and one with two\nGr\u00fc\u00dfe\n", List.of(to("dev@example.org")));
        SmtpTransport smtp = new SmtpTransport(f.smtp, null, new SmtpErrorClassifier());
        try (MailTransport.Connection c = smtp.open()) {
            assertThat(c.send(stored, List.of("dev@example.org")).refused()).isEmpty();
        }
        assertThat(greenMail.waitForIncomingEmail(120_000, 1)).isTrue();
        // the server puts its own trace headers in front of what it received, and keeps the last
        // line end as part of the end of DATA
        String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(greenMail.getReceivedMessages()[0]);
        String sent = new String(stored, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(sent).endsWith("\r\n");
        assertThat(received).endsWith(sent.substring(0, sent.length() - 2));
    }

    @Test
    void serverDownKeepsMailsPendingAndDeliversTheSameMessageOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        f.close();
        f = new DeliveryFixture(port, state);
        PreparedMail m = mail("k1", to("dev@example.org"));
        f.queue(m);
        assertThat(f.deliver().retrying()).isEqualTo(1);
        assertThat(f.only(OutboxState.PENDING).lastError()).startsWith("connection failed");

        GreenMail late = new GreenMail(GreenMailSetups.smtp(port));
        late.start();
        try {
            f.clock.advance(Duration.ofSeconds(11));
            assertThat(f.deliver().sent()).isEqualTo(1);
            assertThat(late.waitForIncomingEmail(120_000, 1)).isTrue();
            assertThat(late.getReceivedMessages()[0].getMessageID()).isEqualTo(m.messageId());
        } finally {
            late.stop();
        }
    }

    @Test
    void optOutAfterQueueingStillHolds() throws Exception {
        f.queue(mail("k1", to("dev@example.org"), to("quiet@example.org")));
        f.outbox.optOuts().add("Quiet@Example.org", "asked not to be mailed");
        assertThat(f.deliver().sent()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(120_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getAllRecipients()).extracting(Object::toString)
                .containsExactly("dev@example.org"); // neither the envelope nor the headers name them
        OutboxMail sent = f.only(OutboxState.SENT);
        assertThat(sent.recipients()).extracting(OutboxRecipient::state)
                .containsExactly(OutboxRecipient.State.SENT, OutboxRecipient.State.SUPPRESSED);
        assertThat(f.outbox.ledger().personalMailsSince("quiet@example.org", f.clock.instant().minusSeconds(5))).isZero();
    }

    @Test
    void mailWhoseEveryRecipientOptedOutIsDropped() throws Exception {
        f.queue(mail("k1", to("quiet@example.org")));
        f.outbox.optOuts().add("quiet@example.org", null);
        assertThat(f.deliver().dropped()).isEqualTo(1);
        assertThat(f.only(OutboxState.DROPPED).lastError()).contains("no recipient left");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void personOverTheDailyCapWaitsWhileMailingListsAreExempt() throws Exception {
        for (int i = 0; i < 4; i++) {
            f.queue(mail("k" + i, to("busy@example.org"), cc("linux-mm@vger.kernel.org")));
        }
        BatchResult r = f.deliver();
        assertThat(r.sent()).isEqualTo(3);
        assertThat(r.waiting()).isEqualTo(1);
        OutboxMail waiting = f.only(OutboxState.PENDING);
        assertThat(waiting.lastError()).contains("daily cap of 3");
        assertThat(waiting.nextAttemptAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(1)));
        for (int i = 10; i < 14; i++) {
            f.queue(mail("k" + i, to("other" + i + "@example.org"), cc("linux-mm@vger.kernel.org")));
        }
        assertThat(f.deliver().sent()).isEqualTo(4);
        f.clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(f.deliver().sent()).isEqualTo(1);
        assertThat(f.outbox.status().summary().count(OutboxState.SENT)).isEqualTo(8);
    }

    @Test
    void aRecipientStoredAsAMailingListIsExemptFromTheDailyCapWhateverItsAddressAndReason() throws Exception {
        // no list pattern matches, and no reason mentions a list: only the stored kind says so
        f.delivery = new DeliverySettings(10, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(3), 100, 1,
                List.of("*@lists.example.net"));
        Recipient announce = new Recipient("announce@example.org", null, Recipient.Field.CC, Recipient.Kind.LIST, List.of("always-cc"));
        Recipient watcher = new Recipient("watcher@example.org", null, Recipient.Field.CC, List.of("always-cc"));
        for (int i = 0; i < 3; i++) {
            f.queue(mail("k" + i, to("dev" + i + "@example.org"), announce));
        }
        assertThat(f.deliver().sent()).isEqualTo(3);
        for (int i = 10; i < 12; i++) {
            f.queue(mail("k" + i, to("dev" + i + "@example.org"), watcher));
        }
        BatchResult r = f.deliver();
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.waiting()).isEqualTo(1);
    }

    @Test
    void hourlyCapMakesMailsWaitNeverDrops() throws Exception {
        f.delivery = new DeliverySettings(10, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofDays(3), 2, 20, null);
        for (int i = 0; i < 5; i++) {
            f.queue(mail("k" + i, to("dev" + i + "@example.org")));
        }
        BatchResult r = f.deliver();
        assertThat(r.sent()).isEqualTo(2);
        assertThat(r.waiting()).isEqualTo(3);
        assertThat(f.outbox.status().inState(OutboxState.PENDING, 10)).hasSize(3)
                .allSatisfy(m -> assertThat(m.nextAttemptAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(1))));
        f.clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(f.deliver().sent()).isEqualTo(2);
    }

    @Test
    void pausedFileStopsAllSendingUntilRemoved() throws Exception {
        f.queue(mail("k1", to("dev@example.org")));
        Files.createFile(state.resolve("paused"));
        BatchResult r = f.deliver();
        assertThat(r.paused()).contains("paused");
        assertThat(f.outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(1);
        Files.delete(state.resolve("paused"));
        assertThat(f.deliver().sent()).isEqualTo(1);
    }

    @Test
    void pausedInTheConfigurationStopsAllSending() throws Exception {
        f.kill = new KillSwitch(true, state);
        f.queue(mail("k1", to("dev@example.org")));
        assertThat(f.deliver().paused()).isEqualTo("paused: true in the configuration");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}

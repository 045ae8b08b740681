package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.model.Recipient;
import dev.culprit.model.Recipient.Field;
import dev.culprit.recipients.Address;
import dev.culprit.testing.GreenMailSetups;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The composed bytes survive a real SMTP hand-over unchanged: same Message-ID, still 8bit, no
 * quoted-printable, when sent with {@code Transport.sendMessage} (which, unlike
 * {@code Transport.send}, does not call {@code saveChanges} and so keeps the Message-ID).
 */
class ComposedMessageDeliveryIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()));

    @Test
    void composedMessageArrivesByteForByteIn8bit() throws Exception {
        MessageHeaders h = new MessageHeaders(Address.parse("culprit <culprit@example.org>"), null,
                List.of(new Recipient("u.kleine-koenig@example.org", "Uwe Kleine-König", Field.TO, List.of("author"))),
                List.of(new Recipient("list@example.org", null, Field.CC, List.of("list"))),
                "[culprit] WARNING in grüß_gott: cause bisected to 7a819b1f87a1", Instant.parse("2026-01-02T03:04:05Z"),
                "<culprit.8aea6061bf7004b21baac457@example.org>", null, "8aea6061bf7004b21baac457");
        String body = "Grüße — a line that a quoted-printable encoder would mangle = sign and all\n.\n";
        byte[] bytes = new MessageComposer().compose(h, body);

        Properties p = new Properties();
        p.put("mail.smtp.host", greenMail.getSmtp().getBindTo());
        p.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(p);
        MimeMessage msg = new MimeMessage(session, new ByteArrayInputStream(bytes));
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(msg, new InternetAddress[] {new InternetAddress("u.kleine-koenig@example.org"), new InternetAddress("list@example.org")});
        }
        assertThat(greenMail.waitForIncomingEmail(120_000, 2)).isTrue();
        MimeMessage got = greenMail.getReceivedMessages()[0];
        assertThat(got.getMessageID()).isEqualTo("<culprit.8aea6061bf7004b21baac457@example.org>");
        assertThat(got.getEncoding()).isEqualTo("8bit");
        assertThat(got.getSubject()).isEqualTo("[culprit] WARNING in grüß_gott: cause bisected to 7a819b1f87a1");
        // The SMTP server keeps the final CRLF as part of the end-of-data marker.
        assertThat(got.getContent()).isEqualTo(body.replace("\n", "\r\n").stripTrailing());
        assertThat(GreenMailUtil.getWholeMessage(got)).contains("Content-Transfer-Encoding: 8bit").doesNotContain("Content-Transfer-Encoding: quoted-printable");
    }
}

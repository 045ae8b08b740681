package dev.culprit.testing;

import dev.culprit.model.Assessment;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Prepared mails with real MIME bytes, built with Jakarta Mail. */
public final class TestMails {
    public static final String DOMAIN = "culprit.test";
    private static final Session SESSION = Session.getInstance(new Properties());

    private TestMails() {}

    public static Recipient to(String address, String... reasons) {
        return new Recipient(address, null, Recipient.Field.TO, List.of(reasons.length == 0 ? new String[] {"author of the culprit"} : reasons));
    }

    /** A mailing list in Cc. */
    public static Recipient cc(String address, String... reasons) {
        return new Recipient(address, null, Recipient.Field.CC, Recipient.Kind.LIST, List.of(reasons.length == 0 ? new String[] {"mailing list of the subsystem"} : reasons));
    }

    public static PreparedMail mail(String key, Verdict verdict, Recipient... recipients) {
        ResultKey k = new ResultKey(key);
        String messageId = k.messageId(DOMAIN);
        String subject = "[culprit] result " + key;
        return new PreparedMail(key + ".log", k, messageId, null, new Assessment(verdict, 1.0, List.of()),
                List.of(recipients), subject, mime(messageId, subject, "Result " + key + "\n", List.of(recipients)), List.of());
    }

    public static PreparedMail mail(String key, Recipient... recipients) {
        return mail(key, Verdict.MAIL, recipients);
    }

    /** A complete message with CRLF line ends. */
    public static byte[] mime(String messageId, String subject, String body, List<Recipient> recipients) {
        try {
            MimeMessage m = new MimeMessage(SESSION);
            m.setFrom(new InternetAddress("culprit@" + DOMAIN));
            for (Recipient r : recipients) {
                m.addRecipient(r.field() == Recipient.Field.TO ? Message.RecipientType.TO : Message.RecipientType.CC,
                        new InternetAddress(r.address()));
            }
            m.setSubject(subject, "UTF-8");
            m.setSentDate(new Date(1_700_000_000_000L));
            m.setText(body, "UTF-8");
            m.saveChanges();
            m.setHeader("Message-ID", messageId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

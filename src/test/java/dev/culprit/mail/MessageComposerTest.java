package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.Recipient;
import dev.culprit.model.Recipient.Field;
import dev.culprit.recipients.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MessageComposerTest {
    private static final Instant DATE = Instant.parse("2026-01-02T03:04:05Z");
    private final MessageComposer composer = new MessageComposer();

    private static Recipient to(String addr, String name) {
        return new Recipient(addr, name, Field.TO, List.of("r"));
    }

    private static MessageHeaders headers(List<Recipient> to, List<Recipient> cc, String subject, String inReplyTo) {
        return new MessageHeaders(Address.parse("culprit <culprit@example.org>"), null, to, cc, subject, DATE,
                "<culprit.8aea6061bf7004b21baac457@example.org>", inReplyTo, "8aea6061bf7004b21baac457");
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    @Test
    void writesHeadersInFixedOrderAndAn8bitPlainTextBody() {
        byte[] bytes = composer.compose(headers(List.of(to("sandeen@redhat.com", "Eric Sandeen")),
                List.of(new Recipient("linux-fsdevel@vger.kernel.org", null, Field.CC, List.of("r"))),
                "[culprit] possible deadlock in hfsplus_file_extend", "<0000a1@google.com>"), "Hello\nSecond line\n");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "Date: Fri, 2 Jan 2026 03:04:05 +0000\r\n"
                        + "From: culprit <culprit@example.org>\r\n"
                        + "To: Eric Sandeen <sandeen@redhat.com>\r\n"
                        + "Cc: linux-fsdevel@vger.kernel.org\r\n"
                        + "Subject: [culprit] possible deadlock in hfsplus_file_extend\r\n"
                        + "Message-ID: <culprit.8aea6061bf7004b21baac457@example.org>\r\n"
                        + "In-Reply-To: <0000a1@google.com>\r\n"
                        + "References: <0000a1@google.com>\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=UTF-8\r\n"
                        + "Content-Transfer-Encoding: 8bit\r\n"
                        + "Auto-Submitted: auto-generated\r\n"
                        + "X-Culprit-Key: 8aea6061bf7004b21baac457\r\n"
                        + "\r\n"
                        + "Hello\r\nSecond line\r\n");
    }

    @Test
    void encodesUnicodeNamesAndSubjectsAndJakartaMailDecodesThem() throws Exception {
        byte[] bytes = composer.compose(headers(List.of(to("u.kleine-koenig@pengutronix.de", "Uwe Kleine-König")), List.of(),
                "[culprit] KASAN: use-after-free in ünïcödé_handler", null), "Grüße, Uwe — ok\n");
        String text = new String(bytes, StandardCharsets.UTF_8);
        String head = text.substring(0, text.indexOf("\r\n\r\n"));
        assertThat(head).isEqualTo(new String(head.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII))
                .contains("=?UTF-8?").doesNotContain("ü");
        MimeMessage m = parse(bytes);
        assertThat(m.getSubject()).isEqualTo("[culprit] KASAN: use-after-free in ünïcödé_handler");
        assertThat(((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Uwe Kleine-König");
        assertThat(m.getContent()).isEqualTo("Grüße, Uwe — ok\r\n");
        assertThat(m.getEncoding()).isEqualTo("8bit");
        assertThat(text).endsWith("Grüße, Uwe — ok\r\n");
    }

    @Test
    void quotesAsciiNamesWithSpecials() throws Exception {
        byte[] bytes = composer.compose(headers(List.of(to("jd@example.org", "Doe, John \"JD\"")), List.of(), "s", null), "b\n");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("To: \"Doe, John \\\"JD\\\"\" <jd@example.org>\r\n");
        assertThat(((InternetAddress) parse(bytes).getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("Doe, John \"JD\"");
    }

    @Test
    void foldsLongAddressListsAndEveryHeaderLineStaysShort() throws Exception {
        List<Recipient> cc = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            cc.add(new Recipient("maintainer" + i + "@example.org", "Maintainer Number " + i, Field.CC, List.of("r")));
        }
        String longSubject = "[culprit] " + "word ".repeat(34) + "end";
        byte[] bytes = composer.compose(headers(List.of(to("a@example.org", null)), cc, longSubject, null), "b\n");
        String text = new String(bytes, StandardCharsets.US_ASCII);
        String head = text.substring(0, text.indexOf("\r\n\r\n"));
        assertThat(head.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        MimeMessage m = parse(bytes);
        assertThat(m.getRecipients(Message.RecipientType.CC)).hasSize(40);
        assertThat(m.getSubject()).isEqualTo(longSubject);
    }

    @Test
    void bodyLinesLongerThan998OctetsAreWrappedAtCharacterBoundaries() {
        String line = "é".repeat(1000);
        byte[] body = MessageComposer.body(line + "\n");
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998));
        assertThat(String.join("", lines)).isEqualTo(line);
    }

    @Test
    void bodyLosesControlCharactersAndBareCarriageReturns() {
        byte[] body = MessageComposer.body("a\u0000b\rc\u001b[31md\te\n\n");
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("abc[31md\te\r\n\r\n");
    }

    @Test
    void emptyEnvelopeWritesUndisclosedRecipients() {
        byte[] bytes = composer.compose(headers(List.of(), List.of(), "s", null), "b\n");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("To: undisclosed-recipients:;\r\n").doesNotContain("Cc:");
    }

    @Test
    void sameInputGivesTheSameBytes() {
        MessageHeaders h = headers(List.of(to("u@example.org", "Ünï")), List.of(), "Sübject", "<a@b>");
        assertThat(composer.compose(h, "Body ü\n")).isEqualTo(composer.compose(h, "Body ü\n"));
    }

    @Test
    void headersRefuseInjectedValues() {
        assertThatThrownBy(() -> headers(List.of(), List.of(), "x\r\nBcc: victim@example.org", null))
                .hasMessage("subject contains a control character");
        assertThatThrownBy(() -> headers(List.of(), List.of(), "s", "<a@b>\r\nBcc: v@x.org"))
                .hasMessageStartingWith("not a valid In-Reply-To Message-ID");
        assertThatThrownBy(() -> composer.compose(headers(List.of(new Recipient("a@b.org\r\nBcc: v@x.org", null, Field.TO, List.of())),
                List.of(), "s", null), "b")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The body as it was made line by line before: split, cleaned, encoded and wrapped. */
    private static byte[] bodyLineByLine(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int last = lines.length;
        if (last > 0 && lines[last - 1].isEmpty()) {
            last--;
        }
        for (int i = 0; i < last; i++) {
            String line = lines[i].codePoints().filter(c -> !((c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || c == 0x2028 || c == 0x2029)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            int start = 0;
            while (true) {
                int end = start;
                int octets = 0;
                while (end < line.length()) {
                    int cp = line.codePointAt(end);
                    int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                    if (octets + len > MessageComposer.MAX_LINE_OCTETS) {
                        break;
                    }
                    octets += len;
                    end += Character.charCount(cp);
                }
                out.writeBytes(line.substring(start, end).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {'\r', '\n'});
                start = end;
                if (start >= line.length()) {
                    break;
                }
            }
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("\n", "\r\n", "\r", "\t", "\u0000", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\u2029",
                        "é", "ü", "漢字", "\uD83D\uDE00", "a", " ", "KASAN: use-after-free"),
                Arbitraries.strings().withChars("xé漢").ofMinLength(300).ofMaxLength(1100));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    /** Cleans, wraps and ends lines as the line-by-line way did, on text of every kind of character. */
    @Property(tries = 3000)
    void bodyIsWhatTheLineByLineWayMade(@ForAll("bodies") String text) {
        assertThat(MessageComposer.body(text)).isEqualTo(bodyLineByLine(text));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMark() {
        assertThat(new String(MessageComposer.body("a\uD800b"), StandardCharsets.UTF_8)).isEqualTo("a?b\r\n");
    }
}

package dev.culprit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Sha256;
import dev.culprit.replies.Command;
import dev.culprit.replies.CommandLines;
import dev.culprit.replies.CommandParser;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyTarget;
import dev.culprit.replies.ResultMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mailbox's reading of fetched mails (the fixtures of src/test/resources/replies) into IncomingReply values. */
class ReplyReaderTest {
    private final ReplyReader reader = new ReplyReader(1024 * 1024);

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ReplyReaderTest.class.getResourceAsStream("/replies/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private IncomingReply read(String name) throws IOException {
        return reader.read(fixture(name));
    }

    @Test
    void aPlainReplyKeepsItsIdentityHeadersAndWholeText() throws IOException {
        byte[] raw = fixture("plain-reply.eml");
        IncomingReply r = reader.read(raw);

        assertThat(r.readable()).isTrue();
        assertThat(r.oversized()).isFalse();
        assertThat(r.messageId()).isEqualTo("<reply-1@mail.example.org>");
        assertThat(r.digest()).hasSize(64).isEqualTo(Sha256.hex(raw));
        assertThat(r.size()).isEqualTo(raw.length);
        assertThat(r.subject()).isEqualTo("Re: [culprit] KASAN: use-after-free in hfsplus_bnode_read — blame");
        assertThat(r.inReplyTo()).isEqualTo("<result-1@culprit.example.org>");
        assertThat(r.references()).isEqualTo("<report-0@syzkaller.example.org> <result-1@culprit.example.org>");
        assertThat(r.authenticationResults()).containsExactly(
                "mx.example.org; dkim=pass header.d=example.org; dmarc=pass header.from=example.org",
                "relay.example.net; dkim=fail header.d=example.org");
        assertThat(r.headers().fromAddresses()).containsExactly("alice@example.org");
        assertThat(r.headers().returnPath()).containsExactly("<alice@example.org>");
        assertThat(r.headers().contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(r.headers().autoSubmitted()).isEmpty();
        assertThat(r.text()).startsWith("#culprit wrong the allocator is at fault, not hfsplus – sorry")
                .contains("> Result key: 8aea6061bf7004b21baac457");
        assertThat(r.ownText()).startsWith("#culprit wrong the allocator is at fault, not hfsplus – sorry")
                .doesNotContain("Result key");
    }

    @Test
    void anHtmlOnlyReplyIsTurnedIntoTextItsOwnTextWithoutItsQuote() throws IOException {
        IncomingReply r = read("html-only.eml");

        assertThat(r.readable()).isTrue();
        assertThat(r.ownText()).contains("#culprit blame 7a819b1f87a1 the fix is elsewhere").doesNotContain("confirm")
                .doesNotContain("color");
        assertThat(r.text()).contains("#culprit blame 7a819b1f87a1 the fix is elsewhere\nBob\n")
                .contains("\n> On Mon, culprit wrote:\n>> #culprit confirm\n>> Result key: 8aea6061bf7004b21baac457\n")
                .doesNotContain("color");
    }

    /**
     * HTML-only replies from Gmail, Outlook on the web and Thunderbird, and a plain-text one, whose
     * mail program left out In-Reply-To and References: each quotes the report with its Result key
     * and a {@code #culprit wrong} line, above which the sender wrote a {@code #culprit wrong} of
     * their own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"html-gmail-unthreaded.eml", "html-outlook-unthreaded.eml", "html-thunderbird-unthreaded.eml",
        "plain-unthreaded.eml"})
    void anUnthreadedReplyIsMatchedByItsQuotedResultKeyAndCommandsComeOnlyFromItsOwnText(String fixture)
            throws IOException {
        IncomingReply r = read(fixture);

        assertThat(r.readable()).isTrue();
        assertThat(r.inReplyTo()).isNull();
        assertThat(r.references()).isNull();
        assertThat(new ResultMatcher(id -> false).match(r.inReplyTo(), r.references(), r.text()))
                .isEqualTo(new ReplyTarget.Key("8aea6061bf7004b21baac457"));
        CommandLines lines = CommandParser.parse(r.ownText());
        assertThat(lines.commands()).containsExactly(new Command.Wrong("the reproducer also crashes on the parent"));
        assertThat(lines.refusals()).isEmpty();
        assertThat(r.ownText()).doesNotContain("Result key").doesNotContain("Bisection found");
        List<String> quoted = r.text().lines().filter(l -> l.contains("#culprit wrong") && !l.contains("parent")).toList();
        assertThat(quoted).as("the quoted command line, marked as quoted").singleElement().asString().startsWith(">");
    }

    @Test
    void anOutlookReplyIsReadFromItsPlainTextInWindows1252() throws IOException {
        IncomingReply r = read("outlook-reply.eml");

        assertThat(r.text()).startsWith("#culprit uncc").contains("I’m not the right person – please drop me.")
                .contains("From: culprit <culprit@example.org>\r\nSent: Monday").doesNotContain("html-is-not-read");
        assertThat(r.headers().fromAddresses()).containsExactly("carol@example.com");
    }

    @Test
    void attachmentsAreNotReadAndThePlainAlternativeIsTaken() throws IOException {
        IncomingReply r = read("attachments.eml");

        assertThat(r.readable()).isTrue();
        assertThat(r.text()).startsWith("#culprit confirm").doesNotContain("drop").doesNotContain("<p>");
    }

    @Test
    void latin1IsReadAsWindows1252InTheTextTheSubjectAndFrom() throws IOException {
        IncomingReply r = read("latin1.eml");

        assertThat(r.text()).startsWith("#culprit wrong Jürgen says “no”").contains("Grüße");
        assertThat(r.subject()).isEqualTo("Re: Grüße");
        assertThat(r.headers().fromAddresses()).containsExactly("juergen@example.de");
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8WhenTheBytesAreUtf8() throws IOException {
        assertThat(read("unknown-charset.eml").text()).startsWith("#culprit confirm – naïve");
    }

    @Test
    void anUnknownCharsetOverBytesThatAreNotUtf8IsReadAsWindows1252() {
        assertThat(TextDecoding.decode(new byte[] {'#', 'c', ' ', (byte) 0xe9, (byte) 0x93}, "x-unknown")).isEqualTo("#c é“");
        assertThat(TextDecoding.decode("é".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("é");
        assertThat(TextDecoding.decode("é".getBytes(StandardCharsets.UTF_8), "us-ascii")).isEqualTo("é");
        assertThat(TextDecoding.decode(new byte[] {(byte) 0xe9}, "ISO-8859-15")).isEqualTo("é");
    }

    @Test
    void malformedMimeIsAProblemNamingTheContentType() throws IOException {
        IncomingReply r = read("malformed.eml");

        assertThat(r.readable()).isFalse();
        assertThat(r.text()).isNull();
        assertThat(r.problem()).startsWith("Content-Type: multipart/mixed cannot be read: ");
        assertThat(r.messageId()).isEqualTo("<malformed@mail.example.org>");
        assertThat(r.headers().fromAddresses()).containsExactly("frank@example.org");
    }

    @Test
    void aMailWithoutTextIsAProblem() throws IOException {
        IncomingReply r = read("no-text.eml");

        assertThat(r.problem()).isEqualTo("no text/plain or text/html part to read (Content-Type: image/png)");
        assertThat(r.oversized()).isFalse();
    }

    @Test
    void anUndecodableBodyIsAProblemNamingTheTransferEncoding() throws IOException {
        IncomingReply r = read("bad-base64.eml");

        assertThat(r.problem()).startsWith("Content-Transfer-Encoding: base64 of a text/plain part cannot be decoded");
    }

    @Test
    void aMailWithoutMessageIdIsKnownByItsDigest() throws IOException {
        byte[] raw = fixture("no-message-id.eml");
        IncomingReply r = reader.read(raw);

        assertThat(r.messageId()).isNull();
        assertThat(r.digest()).isEqualTo(Sha256.hex(raw));
        assertThat(r.text()).isEqualTo("#culprit confirm\r\n");
    }

    @Test
    void aMailOverMaxBytesIsReadFromItsHeadersOnly() throws IOException {
        byte[] head = fixture("plain-reply.eml");
        byte[] raw = new byte[2 * 1024 * 1024];
        System.arraycopy(head, 0, raw, 0, head.length);
        java.util.Arrays.fill(raw, head.length, raw.length, (byte) 'x');

        IncomingReply r = reader.read(raw);

        assertThat(r.oversized()).isTrue();
        assertThat(r.problem()).isEqualTo("the mail is 2097152 bytes, over replies.max-bytes (1048576); only its headers"
                + " were read");
        assertThat(r.text()).isNull();
        assertThat(r.messageId()).isEqualTo("<reply-1@mail.example.org>");
        assertThat(r.headers().fromAddresses()).containsExactly("alice@example.org");
        assertThat(r.authenticationResults()).hasSize(2);
        assertThat(r.digest()).isEqualTo(Sha256.hex(ReplyReader.headerBlock(raw)));
    }

    @Test
    void severalFromAddressesAreAllKept() {
        IncomingReply r = reader.read(("From: a@example.org, b@example.org\r\nMessage-ID: <x@y>\r\n\r\nhi\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(r.headers().fromAddresses()).containsExactly("a@example.org", "b@example.org");
        assertThat(r.text()).isEqualTo("hi\r\n");
    }
}

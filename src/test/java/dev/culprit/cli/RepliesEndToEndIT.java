package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.culprit.answering.AnsweringHandler;
import dev.culprit.config.ConfigLoader;
import dev.culprit.mailbox.ImapMailbox;
import dev.culprit.mailbox.ReplyPoll;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.store.Database;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.store.Outbox;
import dev.culprit.testing.CliRun;
import dev.culprit.testing.RepliesMailbox;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole reply loop through the command line, on H2 and on PostgreSQL: {@code once} mails a
 * result into GreenMail; its author replies {@code #culprit wrong} over SMTP into culprit's IMAP
 * mailbox with a passing Authentication-Results; the next {@code once} reads the reply, withdraws
 * the result and sends the retraction to every original recipient in the result's thread and the
 * answer to the author, and moves the reply to the done folder.
 */
class RepliesEndToEndIT {
    static final String TEMPLATE = "/corpus/cause-culprit-2025-full-current-format.txt";
    static final String AUTHOR = "sandeen@redhat.com";
    static final String REPLY_ID = "<wrong.1@mail.redhat.com>";
    private static final long WAIT = 120_000;
    private static EmbeddedDb pg;

    @RegisterExtension
    static GreenMailExtension greenMail = RepliesMailbox.greenMail();

    @TempDir
    Path dir;

    private final RepliesMailbox box = new RepliesMailbox(greenMail);

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        pg.close();
    }

    @Test
    void aWrongFromTheAuthorIsAppliedAndAnsweredOnH2() throws Exception {
        replyLoop("");
    }

    @Test
    void aWrongFromTheAuthorIsAppliedAndAnsweredOnPostgres() throws Exception {
        replyLoop("  jdbc-url: " + pg.newDatabase() + "\n  username: " + EmbeddedDb.USER + "\n");
    }

    @Test
    void aReplyHandledJustBeforeACrashIsOnlyMovedByTheNextPass() throws Exception {
        Path config = config(dir, box, "", "", "");
        dropLog(dir.resolve("spool"), "log-1.txt", 0);
        assertThat(CliRun.withConfig(config, "once").code()).isZero();
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        String resultId = greenMail.getReceivedMessages()[0].getMessageID();
        int sent = greenMail.getReceivedMessages().length;
        box.deliver(reply(REPLY_ID, AUTHOR, resultId, "#culprit confirm"));
        assertThat(greenMail.waitForIncomingEmail(WAIT, sent + 1)).isTrue();
        Culprit app = new Culprit(new ConfigLoader().load(config), Clock.systemUTC());
        try (Database db = Database.open(app.config().state(), null)) {
            AnsweringHandler handler = app.replyHandler(new Outbox(db, app.clock()), ServiceEvents.NONE);
            ReplyPoll dying = new ReplyPoll(new ImapMailbox(app.config().replies(), RepliesMailbox.PASSWORD), reply -> {
                handler.handle(reply);
                throw new IllegalStateException("the process dies after the commit, before the move");
            });
            assertThat(dying.run(() -> false)).isEqualTo(new ReplyPoll.Pass(0, 0, 1, null));
        }
        assertThat(box.messageIds("INBOX")).containsExactly(REPLY_ID);

        CliRun again = CliRun.withConfig(config, "once");

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(box.messageIds("INBOX")).isEmpty();
        assertThat(box.messageIds("culprit.done")).containsExactly(REPLY_ID);
        await().atMost(Duration.ofMinutes(2)).until(() -> inReplyTo(REPLY_ID).size() == 1);
        try (Database db = Database.open(app.config().state(), null); Connection c = db.connection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from reply_record")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the reply recorded once").isEqualTo(1);
        }
        assertThat(inReplyTo(REPLY_ID)).as("answered once").hasSize(1);
    }

    @Test
    void aReportListsTheCommandsAndAnUnsubscribeKeepsLaterResultsFromItsSender() throws Exception {
        Path config = config(dir, box, "", "", "");
        dropLog(dir.resolve("spool"), "log-1.txt", 0);
        assertThat(CliRun.withConfig(config, "once").code()).isZero();
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        MimeMessage result = greenMail.getReceivedMessages()[0];
        assertThat(addresses(result.getAllRecipients())).contains(AUTHOR);
        assertThat(result.getContent().toString()).as("the report tells its readers they can answer it")
                .contains("\"#culprit wrong [why]\"", "\"#culprit unsubscribe\"");
        int sent = greenMail.getReceivedMessages().length;
        box.deliver(reply(REPLY_ID, AUTHOR, result.getMessageID(), "#culprit unsubscribe"));
        assertThat(greenMail.waitForIncomingEmail(WAIT, sent + 1)).isTrue();

        assertThat(CliRun.withConfig(config, "once").code()).isZero();
        assertThat(box.messageIds("culprit.done")).containsExactly(REPLY_ID);
        int beforeSecond = greenMail.getReceivedMessages().length;
        dropLog(dir.resolve("spool"), "log-2.txt", 1);
        assertThat(CliRun.withConfig(config, "once").code()).isZero();
        assertThat(greenMail.waitForIncomingEmail(WAIT, beforeSecond + 1)).isTrue();

        MimeMessage second = greenMail.getReceivedMessages()[greenMail.getReceivedMessages().length - 1];
        assertThat(second.getMessageID()).isNotEqualTo(result.getMessageID());
        assertThat(addresses(second.getAllRecipients())).as("opted out").doesNotContain(AUTHOR).isNotEmpty();
    }

    /**
     * An HTML-only reply whose mail program left out In-Reply-To and References: culprit finds the
     * result from the Result key of the report it quotes (one of two results sent), applies the
     * command written above the quote, and none of the commands inside the quote.
     */
    @Test
    void anUnthreadedHtmlReplyIsAppliedToTheResultItQuotesAndItsQuotedCommandsAreNot() throws Exception {
        Path config = config(dir, box, "", "", "");
        dropLog(dir.resolve("spool"), "log-1.txt", 0);
        dropLog(dir.resolve("spool"), "log-2.txt", 1);
        CliRun first = CliRun.withConfig(config, "once");
        assertThat(first.code()).as(first.err()).isZero();
        await().atMost(Duration.ofMinutes(2)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
                .map(RepliesEndToEndIT::messageId).distinct().count() == 2);
        List<MimeMessage> results = Arrays.stream(greenMail.getReceivedMessages())
                .filter(distinctBy(RepliesEndToEndIT::messageId)).toList();
        MimeMessage quoted = results.get(1);
        MimeMessage other = results.get(0);
        assertThat(addresses(quoted.getAllRecipients())).contains(AUTHOR);
        String replyId = "<wrong.html@mail.redhat.com>";
        int sent = greenMail.getReceivedMessages().length;
        box.deliver(htmlReply(replyId, AUTHOR, "#culprit wrong the new mount API is not the cause",
                quoted.getContent().toString()));
        assertThat(greenMail.waitForIncomingEmail(WAIT, sent + 1)).isTrue();

        CliRun second = CliRun.withConfig(config, "once");

        assertThat(second.code()).as(second.err()).isZero();
        await().atMost(Duration.ofMinutes(2)).until(() -> !inReplyTo(replyId).isEmpty()
                && !inReplyTo(quoted.getMessageID()).isEmpty());
        assertThat(inReplyTo(other.getMessageID())).as("the other result is not withdrawn (the quoted one is threaded"
                + " under it)").extracting(RepliesEndToEndIT::messageId).containsOnly(quoted.getMessageID());
        assertThat(box.messageIds("culprit.done")).containsExactly(replyId);
        CliRun history = CliRun.withConfig(config, "history", quoted.getHeader("X-Culprit-Key")[0]);
        assertThat(history.out()).contains(replyId).contains("retracted by " + AUTHOR);
        assertThat(CliRun.withConfig(config, "history", other.getHeader("X-Culprit-Key")[0]).out())
                .doesNotContain(replyId).doesNotContain("retracted");
        Culprit app = new Culprit(new ConfigLoader().load(config), Clock.systemUTC());
        try (Database db = Database.open(app.config().state(), null); Connection c = db.connection();
                ResultSet commands = c.createStatement().executeQuery(
                        "select name || ' ' || arguments || ': ' || outcome from reply_command");
                ResultSet optOuts = c.createStatement().executeQuery("select count(*) from opt_out")) {
            List<String> read = new ArrayList<>();
            while (commands.next()) {
                read.add(commands.getString(1));
            }
            assertThat(read).as("only the command above the quote").containsExactly(
                    "wrong the new mount API is not the cause: applied");
            optOuts.next();
            assertThat(optOuts.getInt(1)).as("the quoted #culprit unsubscribe is not applied").isZero();
        }
    }

    private void replyLoop(String state) throws Exception {
        Path config = config(dir, box, state, "", "");
        dropLog(dir.resolve("spool"), "log-1.txt", 0);
        CliRun first = CliRun.withConfig(config, "once");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        MimeMessage result = greenMail.getReceivedMessages()[0];
        String resultId = result.getMessageID();
        Set<String> recipients = addresses(result.getAllRecipients());
        assertThat(recipients).contains(AUTHOR);
        int sent = greenMail.getReceivedMessages().length;

        box.deliver(reply(REPLY_ID, AUTHOR, resultId, "#culprit wrong the new mount API is not the cause"));
        assertThat(greenMail.waitForIncomingEmail(WAIT, sent + 1)).isTrue();
        CliRun second = CliRun.withConfig(config, "once");

        assertThat(second.code()).as(second.err()).isZero();
        await().atMost(Duration.ofMinutes(2)).until(() -> inReplyTo(resultId).size() >= recipients.size()
                && !inReplyTo(REPLY_ID).isEmpty());
        List<MimeMessage> retractions = inReplyTo(resultId);
        Set<String> retractedTo = new TreeSet<>();
        for (MimeMessage m : retractions) {
            retractedTo.addAll(addresses(m.getAllRecipients()));
            assertThat(m.getHeader("References")[0]).contains(resultId);
        }
        assertThat(retractedTo).as("the retraction reaches every original recipient").isEqualTo(recipients);
        List<MimeMessage> answers = inReplyTo(REPLY_ID);
        assertThat(answers).hasSize(1);
        MimeMessage answer = answers.get(0);
        assertThat(addresses(answer.getRecipients(Message.RecipientType.TO))).containsExactly(AUTHOR);
        assertThat(answer.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(answer.getHeader("References")[0]).contains(REPLY_ID);
        assertThat(box.messageIds("culprit.done")).containsExactly(REPLY_ID);
        assertThat(box.messageIds("INBOX")).isEmpty();

        CliRun history = CliRun.withConfig(config, "history", result.getHeader("X-Culprit-Key")[0]);
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains(REPLY_ID).contains("wrong");
    }

    /**
     * The configuration of one instance: the spool and state in {@code dir}, GreenMail's SMTP, the
     * mailbox.
     *
     * @param state more lines of the state section
     * @param sections more sections
     * @param replies more lines of the replies section
     */
    static Path config(Path dir, RepliesMailbox box, String state, String sections, String replies) throws IOException {
        Path password = Files.writeString(dir.resolve("imap-password"), RepliesMailbox.PASSWORD + "\n");
        Files.createDirectories(dir.resolve("spool").resolve("inbox"));
        String yaml = """
                spool:
                  dir: %s
                state:
                  dir: %s
                %ssmtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                message:
                  from: "culprit <%s>"
                assess:
                  mail-threshold: 0.0
                delivery:
                  hourly-cap: 100000
                  daily-cap-per-person: 100000
                """.formatted(dir.resolve("spool"), dir.resolve("state"), state, box.smtpPort(), RepliesMailbox.ADDRESS)
                + sections + box.yaml(password.toString()) + replies;
        return Files.writeString(dir.resolve("culprit.yaml"), yaml);
    }

    /** Drops a log with a result of its own ({@code n} makes its crash title unique) into the spool's inbox. */
    static void dropLog(Path spool, String name, int n) throws IOException {
        String template;
        try (InputStream in = RepliesEndToEndIT.class.getResourceAsStream(TEMPLATE)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path staging = Files.createDirectories(spool.resolve("staging"));
        Files.writeString(staging.resolve(name), ClusterHarness.variant(template, n), StandardCharsets.UTF_8);
        Files.move(staging.resolve(name), spool.resolve("inbox").resolve(name));
    }

    /** A reply from {@code from} to culprit's mail {@code to}, passing DMARC at the mailbox's server. */
    static byte[] reply(String id, String from, String to, String command) {
        return (replyHeaders(id, from, "In-Reply-To: " + to + "\nReferences: " + to
                + "\nContent-Type: text/plain; charset=utf-8\n") + """

                %s

                On Mon, culprit wrote:
                > #culprit confirm
                """.formatted(command)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An HTML-only reply as Gmail writes it, without In-Reply-To and References: {@code command}
     * above the quoted report {@code quoted}, into whose quote an earlier {@code #culprit wrong} and
     * {@code #culprit unsubscribe} were written.
     */
    private static byte[] htmlReply(String id, String from, String command, String quoted) {
        String quote = ("#culprit wrong\n#culprit unsubscribe\n" + quoted).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\r\n", "\n").replace("\n", "<br>\n");
        String html = "<div dir=\"ltr\">" + command + "<br></div><br>\n<div class=\"gmail_quote\"><div dir=\"ltr\""
                + " class=\"gmail_attr\">On Mon, culprit &lt;" + RepliesMailbox.ADDRESS + "&gt; wrote:<br></div>\n"
                + "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">\n" + quote
                + "</blockquote></div>\n";
        String body = Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8));
        return (replyHeaders(id, from, "Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: base64\n")
                + "\n").replace("\n", "\r\n").concat(body).concat("\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The header lines of a reply from {@code from}, passing DMARC at the mailbox's server; {@code more} ends them. */
    private static String replyHeaders(String id, String from, String more) {
        String domain = from.substring(from.indexOf('@') + 1);
        return """
                Authentication-Results: %s; dkim=pass header.d=%s; dmarc=pass header.from=%s
                From: %s
                To: %s
                Subject: Re: [culprit] possible deadlock
                Message-ID: %s
                MIME-Version: 1.0
                """.formatted(RepliesMailbox.AUTHSERV_ID, domain, domain, from, RepliesMailbox.ADDRESS, id) + more;
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Predicate<T> distinctBy(Function<T, String> key) {
        Set<String> seen = new HashSet<>();
        return t -> seen.add(key.apply(t));
    }

    static Set<String> addresses(Address[] addresses) {
        Set<String> out = new TreeSet<>();
        for (Address a : addresses == null ? new Address[0] : addresses) {
            out.add(((InternetAddress) a).getAddress().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** The mails culprit sent (GreenMail received) that answer {@code id}. */
    private static List<MimeMessage> inReplyTo(String id) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                String[] h = m.getHeader("In-Reply-To");
                return h != null && h[0].strip().equals(id) && !m.getMessageID().startsWith("<wrong.");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}

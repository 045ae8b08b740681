package dev.culprit.cli;

import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.store.StoreSettings;
import dev.culprit.testing.GreenMailSetups;
import dev.culprit.testing.TestMails;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A state directory as the version with the delivery journal left it when it was killed: three
 * mails in {@code sending}, the outcome of the first in a journal file beside the database, that
 * of the second in the journal table of the version before, the third sent or not (no outcome).
 * The new version applies both outcomes at start and sends only the third.
 */
class UpgradeFromJournalIT {
    private static final String OWNER = "old-host:4242";

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private Path state;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
        Path spool = dir.resolve("spool");
        state = dir.resolve("state");
        Files.createDirectories(spool.resolve("inbox"));
        config = dir.resolve("culprit.yaml");
        Files.writeString(config, "spool:\n  dir: " + spool + "\n  settle: PT0S\n"
                + "state:\n  dir: " + state + "\n"
                + "smtp:\n  host: 127.0.0.1\n  port: " + greenMail.getSmtp().getPort() + "\n  security: none\n"
                + "  ehlo-name: bot.culprit.test\n"
                + "message:\n  from: culprit@bot.culprit.test\n  message-id-domain: bot.culprit.test\n");
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void outcomesTheEarlierVersionLeftAreAppliedAtStartAndTheirMailsNotSentAgain() throws Exception {
        String url = new StoreSettings(state, null, null, null, null, null, null).effectiveJdbcUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("24").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            for (int id = 1; id <= 3; id++) {
                claimedMail(c, id);
            }
            // the version before kept outcomes in a table, the last one in files
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into delivery_journal (outbox_id, outcome, recorded_at) values (2, ?, timestamp with time zone '2026-02-03 04:05:07Z')")) {
                ps.setString(1, outcome(2));
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        }
        Path journal = state.resolve("culprit.journal");
        Files.createDirectories(journal);
        Files.writeString(journal.resolve("00000001.journal"), "{\"at\":\"2026-02-03T04:05:07.123456Z\",\"outcome\":" + outcome(1) + "}\n");

        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cl.execute("once", "--config", config.toString())).as(err.toString()).isZero();

        assertThat(greenMail.waitForIncomingEmail(120_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID).containsExactly(messageId(3));
        assertThat(journal).doesNotExist();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id, state from outbox order by id")) {
                for (int id = 1; id <= 3; id++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).as("mail %d", id).isEqualTo("sent");
                }
            }
            try (ResultSet rs = s.executeQuery("select outbox_id from sent_ledger order by outbox_id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
            try (ResultSet rs = c.getMetaData().getTables(null, null, "DELIVERY_JOURNAL", null)) {
                assertThat(rs.next()).as("the journal table is dropped").isFalse();
            }
        }
    }

    private static String messageId(int id) {
        return "<culprit.old" + id + "@bot.culprit.test>";
    }

    /** Mail {@code id} as the earlier version stored and claimed it, in {@code sending}. */
    private static void claimedMail(Connection c, int id) throws Exception {
        String address = "dev" + id + "@example.org";
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox (id, result_key, key_hash, message_id, source, subject, verdict, state, attempts,
                    next_attempt_at, claimed_by, lease_until, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'a subject', 'mail', 'sending', 0, current_timestamp, ?,
                    current_timestamp + interval '5' minute, current_timestamp, current_timestamp)""")) {
            ps.setLong(1, id);
            ps.setString(2, "cause/old" + id);
            ps.setString(3, String.format("%064d", id));
            ps.setString(4, messageId(id));
            ps.setString(5, "old" + id + ".log");
            ps.setString(6, OWNER);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_message (outbox_id, message) values (?, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, TestMails.mime(messageId(id), "a subject", "a body\n", List.of(to(address))));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox_recipient (outbox_id, position, address, name, field, reasons, state)
                values (?, 0, ?, null, 'to', 'the culprit''s author', 'pending')""")) {
            ps.setLong(1, id);
            ps.setString(2, address);
            ps.executeUpdate();
        }
    }

    /** The outcome "sent" of mail {@code id}, as the earlier version wrote it into its journal. */
    private static String outcome(int id) {
        return "{\"id\":" + id + ",\"owner\":\"" + OWNER + "\",\"state\":\"SENT\",\"attempts\":0,"
                + "\"nextAttemptAt\":\"2026-02-03T04:05:06Z\",\"lastError\":null,"
                + "\"recipients\":{\"0\":{\"state\":\"SENT\",\"error\":null}},"
                + "\"ledger\":[{\"address\":\"dev" + id + "@example.org\",\"list\":false}]}";
    }
}

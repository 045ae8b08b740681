package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.config.CulpritConfig;
import dev.culprit.mail.BatchResult;
import dev.culprit.store.OutboxState;
import dev.culprit.testing.CliRun;
import dev.culprit.testing.GreenMailSetups;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moderation and corrections end to end: logs dropped into a real spool, the real parser and
 * pipeline, an H2 file store, SMTP delivery into GreenMail on a dynamic port, and the moderator's
 * commands run through the command line against the same store.
 */
class ModerationIT {
    private static final String MODERATOR = "moderators@bot.example.net";
    private static final String MAINTAINER = "maint@example.org";
    private static final String LIST = "subsys@vger.kernel.org";
    private static final long WAIT = 120_000;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()));

    @TempDir
    Path dir;

    private Path configFile;
    private CulpritConfig config;

    @BeforeEach
    void setUp() throws Exception {
        configFile = Bot.writeConfig(dir, greenMail.getSmtp().getPort(), "moderation:\n  address: " + MODERATOR + "\n");
        config = Bot.load(configFile);
    }

    private CliRun cli(String... args) {
        return CliRun.withConfig(configFile, args);
    }

    private Path spool() {
        return dir.resolve("spool");
    }

    /** The key `culprit held` prints first. */
    private String heldKey() {
        CliRun held = cli("held");
        assertThat(held.code()).as(held.err()).isZero();
        return held.out().lines().findFirst().orElseThrow().split(" ")[0];
    }

    /** What reached one address: GreenMail keeps a mailbox per envelope recipient. */
    private static List<MimeMessage> inbox(String address) throws Exception {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage).toList();
    }

    /** The addresses whose mailbox holds a message with this Message-ID. */
    private static Set<String> reached(String messageId, String... candidates) throws Exception {
        Set<String> out = new java.util.TreeSet<>();
        for (String a : candidates) {
            for (MimeMessage m : inbox(a)) {
                if (messageId.equals(header(m, "Message-ID"))) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private static String header(MimeMessage m, String name) throws Exception {
        String[] h = m.getHeader(name);
        return h == null ? null : h[0];
    }

    @Test
    void theModerationNoticeArrivesAtTheModerationAddressWithItsOwnMessageIdAndTheCommands() throws Exception {
        Logs.drop(spool(), "held.log", Logs.releaseCommit(2, List.of(MAINTAINER), List.of(LIST)));

        Bot.once(config);

        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        MimeMessage[] all = greenMail.getReceivedMessages();
        assertThat(all).hasSize(1);
        MimeMessage notice = all[0];
        assertThat(notice.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(MODERATOR);
        assertThat(notice.getSubject()).startsWith("[culprit moderation] held: [culprit] KASAN: use-after-free Read in test_func_2");
        String key = heldKey();
        CliRun held = cli("held");
        String heldMessageId;
        try (Bot b = new Bot(config)) {
            heldMessageId = b.moderation.moderator().held().get(0).messageId();
        }
        assertThat(header(notice, "Message-ID")).startsWith("<culprit.").endsWith("@bot.example.net>").isNotEqualTo(heldMessageId);
        assertThat(header(notice, "In-Reply-To")).isNull();
        String body = GreenMailUtil.getBody(notice);
        assertThat(body)
                .contains("culprit release " + key)
                .contains("culprit drop " + key + " --why")
                .contains("Linux 6.2-rc1")
                .contains("to: " + MAINTAINER)
                .contains("cc: " + LIST)
                .contains(heldMessageId);
        assertThat(held.out()).contains("notice:   " + header(notice, "Message-ID"));

        Bot.once(config);
        assertThat(greenMail.getReceivedMessages()).as("the notice is sent once").hasSize(1);
    }

    @Test
    void aHeldResultReleasedArrivesOnceWithItsOriginalMessageId() throws Exception {
        Logs.drop(spool(), "held.log", Logs.releaseCommit(2, List.of(MAINTAINER), List.of(LIST)));
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        assertThat(inbox(MAINTAINER)).as("held: nothing reaches the maintainers").isEmpty();
        String key = heldKey();
        String heldMessageId;
        try (Bot b = new Bot(config)) {
            heldMessageId = b.moderation.moderator().held().get(0).messageId();
        }

        CliRun release = cli("release", key);

        assertThat(release.code()).as(release.err()).isZero();
        assertThat(release.out()).startsWith("released " + key + ": ").contains(heldMessageId);
        assertThat(cli("held").out()).isEqualTo("no held results\n");
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 3)).isTrue();
        assertThat(reached(heldMessageId, MAINTAINER, LIST, MODERATOR)).containsExactly(MAINTAINER, LIST);
        assertThat(inbox(MAINTAINER)).hasSize(1);
        assertThat(inbox(MAINTAINER).get(0).getSubject()).isEqualTo("[culprit] KASAN: use-after-free Read in test_func_2: cause bisected to "
                + Logs.hash(2).substring(0, 12));

        Bot.once(config);
        assertThat(greenMail.getReceivedMessages()).as("released once, sent once").hasSize(3);
        CliRun again = cli("release", key);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("result " + key + " is sent, not held");
    }

    @Test
    void aDroppedResultNeverArrivesNorWhenItsLogComesAgain() throws Exception {
        String log = Logs.releaseCommit(3, List.of(MAINTAINER), List.of(LIST));
        Logs.drop(spool(), "held.log", log);
        try (Bot b = new Bot(config)) {
            b.scan();
        }
        String key = heldKey();

        assertThat(cli("drop", key).code()).as("--why is required").isEqualTo(2);
        CliRun drop = cli("drop", key, "--why", "the release commit cannot be the cause");
        assertThat(drop.code()).as(drop.err()).isZero();
        assertThat(drop.out()).startsWith("dropped " + key + ": ");
        Logs.drop(spool(), "held-again.log", log);
        Logs.drop(spool(), "held-renamed-and-changed.log", log + "\n");

        BatchResult sent;
        try (Bot b = new Bot(config)) {
            b.scan();
            sent = b.deliver();
            assertThat(b.outbox.status().summary().count(OutboxState.DROPPED)).as("the result and its moot notice").isEqualTo(2);
            assertThat(b.outbox.status().summary().count(OutboxState.HELD)).isZero();
        }
        assertThat(sent.sent()).isZero();
        assertThat(greenMail.getReceivedMessages()).as("neither the result nor the notice about it").isEmpty();
        assertThat(Files.list(spool().resolve("done")).count()).isEqualTo(3);
        CliRun dropAgain = cli("drop", key, "--why", "twice");
        assertThat(dropAgain.code()).isEqualTo(1);
        assertThat(dropAgain.err()).contains("is dropped, not held");
    }

    @Test
    void aRetractionArrivesThreadedUnderTheOriginalForTheSameRecipients() throws Exception {
        Logs.drop(spool(), "found.log", Logs.culprit(4, List.of(MAINTAINER), List.of(LIST)));
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 2)).isTrue();
        MimeMessage original = greenMail.getReceivedMessages()[0];
        String originalId = header(original, "Message-ID");
        String key = header(original, "X-Culprit-Key");
        String newCulprit = Logs.hash(40);

        CliRun retract = cli("retract", key, "--why", "the reproducer also crashes on the parent", "--culprit", newCulprit);

        assertThat(retract.code()).as(retract.err()).isZero();
        assertThat(retract.out()).startsWith("retracted " + key + ": correction <culprit.").contains("in reply to " + originalId);
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 4)).isTrue();
        List<MimeMessage> corrections = List.of(inbox(MAINTAINER).get(1), inbox(LIST).get(1));
        String correctionId = header(corrections.get(0), "Message-ID");
        assertThat(reached(correctionId, MAINTAINER, LIST)).containsExactly(MAINTAINER, LIST);
        for (MimeMessage c : corrections) {
            assertThat(header(c, "Message-ID")).isEqualTo(correctionId);
            assertThat(header(c, "In-Reply-To")).isEqualTo(originalId);
            assertThat(header(c, "References")).isEqualTo(originalId);
            assertThat(header(c, "Message-ID")).isNotEqualTo(originalId).endsWith("@bot.example.net>");
            assertThat(c.getSubject()).isEqualTo("Re: " + original.getSubject());
            assertThat(c.getHeader("To")).containsExactly(original.getHeader("To"));
            assertThat(c.getHeader("Cc")).containsExactly(original.getHeader("Cc"));
            assertThat(GreenMailUtil.getBody(c))
                    .contains("withdrawn")
                    .contains("Reason: the reproducer also crashes on the parent")
                    .contains(newCulprit)
                    .contains(originalId);
        }
        CliRun twice = cli("retract", key, "--why", "again");
        assertThat(twice.code()).isEqualTo(1);
        assertThat(twice.err()).contains("is retracted, not sent again");
    }

    @Test
    void aRetractedResultDroppedAgainInTheSpoolIsNotMailedAgain() throws Exception {
        String log = Logs.culprit(5, List.of(MAINTAINER), List.of(LIST));
        Logs.drop(spool(), "found.log", log);
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 2)).isTrue();
        String key = header(greenMail.getReceivedMessages()[0], "X-Culprit-Key");
        assertThat(cli("retract", key, "--why", "wrong").code()).isZero();
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 4)).isTrue();

        Logs.drop(spool(), "found-again.log", log);
        Logs.drop(spool(), "found-again-other-content.log", log.replace("revisions tested: 12", "revisions tested: 13"));
        try (Bot b = new Bot(config)) {
            b.scan();
            assertThat(b.deliver().sent()).isZero();
            assertThat(b.outbox.status().summary().count(OutboxState.RETRACTED)).isEqualTo(1);
            assertThat(b.outbox.status().summary().count(OutboxState.PENDING)).isZero();
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
        assertThat(Files.list(spool().resolve("done")).count()).isEqualTo(3);
    }

    @Test
    void anOptedOutAddressDisappearsFromAQueuedMail() throws Exception {
        Logs.drop(spool(), "found.log", Logs.culprit(6, List.of(MAINTAINER), List.of(LIST)));
        try (Bot b = new Bot(config)) {
            assertThat(b.scan().queued()).isEqualTo(1);
        }

        CliRun optOut = cli("opt-out", MAINTAINER.toUpperCase(java.util.Locale.ROOT), "--why", "asked by mail on 2026-11-20");

        assertThat(optOut.code()).as(optOut.err()).isZero();
        assertThat(optOut.out()).isEqualTo(MAINTAINER + " added to the opt-out list; taken off 1 queued or held mail(s)\n");
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        MimeMessage[] all = greenMail.getReceivedMessages();
        assertThat(all).hasSize(1);
        assertThat(inbox(LIST)).hasSize(1);
        assertThat(inbox(MAINTAINER)).isEmpty();
        assertThat(header(all[0], "To")).isEqualTo("undisclosed-recipients:;");
        assertThat(header(all[0], "Cc")).isEqualTo(LIST);
        CliRun list = cli("opt-out", "--list");
        assertThat(list.out()).startsWith(MAINTAINER + "  ").contains("asked by mail on 2026-11-20").endsWith("1 entry\n");
    }

    @Test
    void anOptOutHoldsForEveryLaterMailHeadersIncluded() throws Exception {
        assertThat(cli("opt-out", MAINTAINER).code()).isZero();
        Logs.drop(spool(), "found.log", Logs.culprit(9, List.of(MAINTAINER, "other@example.net"), List.of(LIST)));
        Logs.drop(spool(), "held.log", Logs.releaseCommit(10, List.of(MAINTAINER), List.of(LIST)));

        Bot.once(config);

        assertThat(greenMail.waitForIncomingEmail(WAIT, 3)).isTrue();
        assertThat(inbox(MAINTAINER)).isEmpty();
        MimeMessage report = inbox("other@example.net").get(0);
        assertThat(header(report, "To")).isEqualTo("other@example.net");
        assertThat(reached(header(report, "Message-ID"), LIST, "other@example.net", MAINTAINER)).containsExactlyInAnyOrder(LIST, "other@example.net");
        String notice = GreenMailUtil.getBody(inbox(MODERATOR).get(0));
        assertThat(notice).contains("cc: " + LIST).doesNotContain("to: " + MAINTAINER);
    }

    @Test
    void aStoredOptOutKeepsTheAddressOutOfTheBodyOfLaterMailsToo() throws Exception {
        assertThat(cli("opt-out", MAINTAINER).code()).isZero();
        Logs.drop(spool(), "found.log", Logs.culprit(12, List.of(MAINTAINER, "other@example.net"), List.of(LIST)));

        CliRun once = cli("once");

        assertThat(once.code()).as(once.err()).isZero();
        assertThat(greenMail.waitForIncomingEmail(WAIT, 2)).isTrue();
        assertThat(inbox(MAINTAINER)).isEmpty();
        String body = GreenMailUtil.getBody(inbox("other@example.net").get(0));
        assertThat(body).contains("other@example.net").doesNotContain(MAINTAINER);
    }

    @Test
    void anAddressAddedToTheOptOutFileAfterQueueingLeavesEnvelopeAndHeaders() throws Exception {
        Path optOutFile = dir.resolve("opt-out.txt");
        configFile = Bot.writeConfig(dir, greenMail.getSmtp().getPort(), "recipients:\n  opt-out-file: " + optOutFile + "\n");
        config = Bot.load(configFile);
        Logs.drop(spool(), "found.log", Logs.culprit(17, List.of(MAINTAINER, "other@example.net"), List.of(LIST)));
        try (Bot b = new Bot(config)) {
            assertThat(b.scan().queued()).isEqualTo(1);
            Files.writeString(optOutFile, MAINTAINER + "\n");

            b.deliver();
        }

        assertThat(greenMail.waitForIncomingEmail(WAIT, 2)).isTrue();
        assertThat(inbox(MAINTAINER)).isEmpty();
        MimeMessage m = inbox("other@example.net").get(0);
        assertThat(header(m, "To")).isEqualTo("other@example.net");
        assertThat(header(m, "Cc")).isEqualTo(LIST);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aDomainOptOutCoversAHeldMailAndItsSubdomainsAtSendTime() throws Exception {
        Logs.drop(spool(), "held.log", Logs.releaseCommit(7, List.of("dev@mail.example.org", MAINTAINER), List.of(LIST)));
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        String key = heldKey();

        assertThat(cli("opt-out", "example.org").out()).isEqualTo("@example.org added to the opt-out list; taken off 1 queued or held mail(s)\n");
        assertThat(cli("held").out()).contains("would go to: " + LIST + " (cc)\n");
        assertThat(cli("release", key).code()).isZero();
        Bot.once(config);

        assertThat(greenMail.waitForIncomingEmail(WAIT, 2)).isTrue();
        MimeMessage released = greenMail.getReceivedMessages()[1];
        assertThat(reached(header(released, "Message-ID"), LIST, MAINTAINER, "dev@mail.example.org")).containsExactly(LIST);
        assertThat(header(released, "To")).isEqualTo("undisclosed-recipients:;");
        assertThat(greenMail.getReceivedMessages()).hasSize(2);

        CliRun remove = cli("opt-out", "--remove", "@example.org");
        assertThat(remove.out()).isEqualTo("@example.org removed from the opt-out list\n");
        assertThat(cli("opt-out", "--list").out()).isEqualTo("0 entries\n");
    }

    @Test
    void withoutAModerationAddressHeldResultsAreOnlyListed() throws Exception {
        configFile = Bot.writeConfig(dir, greenMail.getSmtp().getPort(), "");
        config = Bot.load(configFile);
        Logs.drop(spool(), "held.log", Logs.releaseCommit(8, List.of(MAINTAINER), List.of(LIST)));

        Bot.once(config);

        assertThat(greenMail.getReceivedMessages()).isEmpty();
        CliRun held = cli("held");
        assertThat(held.out()).contains("  culprit  " + Logs.hash(8) + " Linux 6.8-rc1\n")
                .contains("    log:      held.log\n")
                .contains("    why:      The commit is the release commit \"Linux 6.8-rc1\"")
                .contains("    notice:   none\n")
                .endsWith("1 held result(s)\n");
    }
}

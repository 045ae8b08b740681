package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.testing.CliRun;
import dev.culprit.testing.RepliesMailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies handled by {@code culprit run} in child JVMs on one PostgreSQL store: killed with
 * SIGKILL at random points while it handles replies and started again, or two clustered instances
 * at once. Either way every reply is handled once: one record, one label, one answer each, and
 * every reply ends in the done folder.
 */
class RepliesResilienceIT {
    private static final String[] PEOPLE = {"brauner@kernel.org", "sandeen@redhat.com", "viro@zeniv.linux.org.uk", "jack@suse.cz"};
    private static final int REPLIES = 40;
    private static final int KILLS = 3;
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
    void killedWhileHandlingRepliesItAppliesNoCommandTwice() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            Path config = configAndReplies(h, false);
            long seed = System.nanoTime();
            Random random = new Random(seed);
            List<Long> killedAt = new ArrayList<>();
            for (int k = 0; k < KILLS; k++) {
                long target = h.count("select count(*) from reply_record") + 1 + random.nextInt(8);
                ClusterHarness.Node node = h.start("kill-" + k, config);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(5))
                        .until(() -> !node.process().isAlive() || h.count("select count(*) from reply_record") >= target);
                assertThat(node.process().isAlive()).as("%s ended by itself:\n%s", node.name(), node.log()).isTrue();
                node.process().destroyForcibly().waitFor();
                killedAt.add(h.count("select count(*) from reply_record"));
            }
            ClusterHarness.Node last = h.start("final", config);
            awaitEveryReplyHandled(h, last.name());
            System.out.printf("replies crash recovery: seed %d, killed after %s replies handled; the last run found %d"
                    + " handled before and only moved them%n", seed, killedAt, last.log().split("handled before", -1).length - 1);
            assertEachReplyHandledOnce(h);
        }
    }

    @Test
    void twoClusteredInstancesHandleEachReplyOnce() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            Path config = configAndReplies(h, true);
            List<ClusterHarness.Node> nodes = List.of(h.start("a", config), h.start("b", config));
            h.awaitRunning(nodes);
            awaitEveryReplyHandled(h, "a and b");
            assertEachReplyHandledOnce(h);
            assertThat(answersReceived()).as("each answer sent once").hasSize(REPLIES)
                    .allSatisfy((reply, copies) -> assertThat(copies).isEqualTo(1));
        }
    }

    @Test
    void imapIdleWakesThePollLongBeforeItsInterval() throws Exception {
        try (ClusterHarness h = new ClusterHarness(dir, pg, greenMail)) {
            Path config = RepliesEndToEndIT.config(dir, box, "  jdbc-url: " + h.jdbcUrl + "\n  username: " + EmbeddedDb.USER
                    + "\n", "", "  poll-interval: PT1H\n");
            RepliesEndToEndIT.dropLog(dir.resolve("spool"), "log-1.txt", 0);
            assertThat(CliRun.withConfig(config, "once").code()).isZero();
            assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
            String resultId = greenMail.getReceivedMessages()[0].getMessageID();
            ClusterHarness.Node node = h.start("idle", config);
            h.awaitRunning(List.of(node));
            await().atMost(Duration.ofMinutes(2)).until(() -> node.log().contains("waiting in IMAP IDLE"));

            box.deliver(RepliesEndToEndIT.reply(replyId(0), PEOPLE[0], resultId, "#culprit confirm"));

            await().atMost(Duration.ofMinutes(1)).until(() -> box.messageIds("culprit.done").contains(replyId(0)));
            assertThat(h.count("select count(*) from reply_record")).isEqualTo(1);
        }
    }

    /** Sends the result with an in-process {@code once}, then hands {@link #REPLIES} confirmations to the mailbox. */
    private Path configAndReplies(ClusterHarness h, boolean cluster) throws Exception {
        Path config = RepliesEndToEndIT.config(dir, box, "  jdbc-url: " + h.jdbcUrl + "\n  username: " + EmbeddedDb.USER
                + "\n  cluster: " + cluster + "\n  lease: PT10S\n",
                "schedule:\n  scan-interval: PT1S\n  deliver-interval: PT0.5S\n",
                "  poll-interval: PT1S\n  answers-per-hour: 100000\n  answers-per-hour-total: 100000\n");
        RepliesEndToEndIT.dropLog(dir.resolve("spool"), "log-1.txt", 0);
        CliRun once = CliRun.withConfig(config, "once");
        assertThat(once.code()).as(once.err()).isZero();
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();
        String resultId = greenMail.getReceivedMessages()[0].getMessageID();
        int before = greenMail.getReceivedMessages().length;
        for (int i = 0; i < REPLIES; i++) {
            box.deliver(RepliesEndToEndIT.reply(replyId(i), PEOPLE[i % PEOPLE.length], resultId, "#culprit confirm"));
        }
        assertThat(greenMail.waitForIncomingEmail(WAIT, before + REPLIES)).isTrue();
        return config;
    }

    private static String replyId(int i) {
        return "<confirm." + i + "@mail.example.org>";
    }

    private void awaitEveryReplyHandled(ClusterHarness h, String who) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).alias("every reply handled by " + who)
                .until(() -> box.messageIds("culprit.done").size() == REPLIES && answersReceived().size() == REPLIES);
    }

    private void assertEachReplyHandledOnce(ClusterHarness h) throws Exception {
        assertThat(h.count("select count(*) from reply_record")).as("one record per reply").isEqualTo(REPLIES);
        assertThat(h.count("select count(distinct message_id) from reply_record")).isEqualTo(REPLIES);
        assertThat(h.count("select count(*) from reply_command where outcome = 'applied'")).as("each confirm applied once")
                .isEqualTo(REPLIES);
        assertThat(h.count("select count(*) from result_label where source = 'reply'")).as("one label per reply")
                .isEqualTo(REPLIES);
        assertThat(h.count("select count(distinct answer_id) from reply_record")).as("one answer queued per reply")
                .isEqualTo(REPLIES);
        assertThat(box.messageIds("INBOX")).isEmpty();
        assertThat(box.messageIds("culprit.failed")).isEmpty();
        assertThat(new TreeSet<>(box.messageIds("culprit.done"))).hasSize(REPLIES);
        Map<String, Set<String>> answerIds = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            String[] to = m.getHeader("In-Reply-To");
            if (to != null && to[0].startsWith("<confirm.")) {
                answerIds.computeIfAbsent(to[0], k -> new TreeSet<>()).add(m.getMessageID());
            }
        }
        assertThat(answerIds).as("one answer per reply, a resent copy keeping its Message-ID").hasSize(REPLIES)
                .allSatisfy((reply, ids) -> assertThat(ids).hasSize(1));
    }

    /** The answers GreenMail received, counted per reply they answer. */
    private static Map<String, Integer> answersReceived() throws MessagingException {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            String[] to = m.getHeader("In-Reply-To");
            if (to != null && to[0].startsWith("<confirm.") && m.getHeader("Auto-Submitted") != null) {
                out.merge(to[0], 1, Integer::sum);
            }
        }
        return out;
    }
}

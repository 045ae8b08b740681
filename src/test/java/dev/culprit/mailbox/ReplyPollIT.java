package dev.culprit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyHandler;
import dev.culprit.replies.ReplyHandler.Disposition;
import dev.culprit.testing.RepliesMailbox;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One pass of the replies poll against GreenMail's IMAP server, mails handed in over its SMTP server. */
class ReplyPollIT {
    private static final String DONE = "culprit.done";
    private static final String FAILED = "culprit.failed";
    private static final long WAIT = 120_000;

    @RegisterExtension
    static GreenMailExtension greenMail = RepliesMailbox.greenMail();

    private final RepliesMailbox box = new RepliesMailbox(greenMail);
    private final List<IncomingReply> handled = new CopyOnWriteArrayList<>();

    /** A handler recording each reply: done when it can be read, failed with its problem otherwise. */
    private final ReplyHandler recording = reply -> {
        handled.add(reply);
        return reply.readable() ? Disposition.done("recorded") : Disposition.failed(reply.problem());
    };

    private ReplyPoll poll(ReplyHandler handler) {
        return new ReplyPoll(box.mailbox(box.settings()), handler);
    }

    private void deliver(String... fixtures) throws Exception {
        for (String f : fixtures) {
            box.deliverFixture(f);
        }
        assertThat(greenMail.waitForIncomingEmail(WAIT, fixtures.length)).isTrue();
    }

    private Map<String, IncomingReply> byMessageId() {
        Map<String, IncomingReply> m = new ConcurrentHashMap<>();
        handled.forEach(r -> m.put(r.messageId() == null ? "(none)" : r.messageId(), r));
        return m;
    }

    @Test
    void createsTheFoldersAndMovesAHandledReplyToDone() throws Exception {
        deliver("plain-reply.eml");

        ReplyPoll.Pass pass = poll(recording).run(() -> false);

        assertThat(pass).isEqualTo(new ReplyPoll.Pass(1, 0, 0, null));
        assertThat(box.exists(FAILED)).isTrue();
        assertThat(box.messageIds(DONE)).containsExactly("<reply-1@mail.example.org>");
        assertThat(box.messageIds("INBOX")).isEmpty();
        IncomingReply r = handled.get(0);
        assertThat(r.text()).startsWith("#culprit wrong the allocator is at fault");
        assertThat(r.authenticationResults()).first().asString().startsWith("mx.example.org; dkim=pass");
        assertThat(r.headers().fromAddresses()).containsExactly("alice@example.org");
    }

    @Test
    void readsEachKindOfMailAndMovesTheUnusableOnesToFailed() throws Exception {
        deliver("html-only.eml", "outlook-reply.eml", "attachments.eml", "latin1.eml", "unknown-charset.eml",
                "malformed.eml", "no-text.eml", "no-message-id.eml");

        ReplyPoll.Pass pass = poll(recording).run(() -> false);

        assertThat(pass).isEqualTo(new ReplyPoll.Pass(6, 2, 0, null));
        Map<String, IncomingReply> r = byMessageId();
        assertThat(r.get("<html-1@mail.example.org>").ownText()).contains("#culprit blame 7a819b1f87a1")
                .doesNotContain("confirm");
        assertThat(r.get("<html-1@mail.example.org>").text()).contains(">> Result key: 8aea6061bf7004b21baac457");
        assertThat(r.get("<DM6PR01MB1234@namprd01.prod.outlook.com>").text()).startsWith("#culprit uncc")
                .contains("I’m not the right person");
        assertThat(r.get("<attach-1@mail.example.org>").text()).startsWith("#culprit confirm").doesNotContain("drop");
        assertThat(r.get("<latin-1@mail.example.de>").text()).startsWith("#culprit wrong Jürgen says “no”");
        assertThat(r.get("<unknown-charset@mail.example.org>").text()).startsWith("#culprit confirm – naïve");
        assertThat(r.get("<malformed@mail.example.org>").problem()).startsWith("Content-Type: multipart/mixed cannot be read");
        assertThat(r.get("<no-text@mail.example.org>").problem()).startsWith("no text/plain or text/html part");
        IncomingReply anonymous = r.get("(none)");
        assertThat(anonymous.text()).startsWith("#culprit confirm");
        assertThat(anonymous.digest()).hasSize(64);
        assertThat(box.messageIds(FAILED)).containsExactlyInAnyOrder("<malformed@mail.example.org>", "<no-text@mail.example.org>");
        assertThat(box.messageIds(DONE)).hasSize(6);
        assertThat(box.messageIds("INBOX")).isEmpty();
    }

    @Test
    void aTenMegabyteMailIsJudgedByItsHeadersAlone() throws Exception {
        byte[] head = RepliesMailbox.fixture("plain-reply.eml");
        StringBuilder body = new StringBuilder(new String(head, java.nio.charset.StandardCharsets.UTF_8));
        String line = "x".repeat(998) + "\r\n";
        while (body.length() < 10 * 1024 * 1024) {
            body.append(line);
        }
        box.deliver(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(greenMail.waitForIncomingEmail(WAIT, 1)).isTrue();

        ReplyPoll.Pass pass = poll(recording).run(() -> false);

        assertThat(pass.failed()).isEqualTo(1);
        IncomingReply r = handled.get(0);
        assertThat(r.oversized()).isTrue();
        assertThat(r.size()).isGreaterThan(10_000_000L);
        assertThat(r.text()).isNull();
        assertThat(r.problem()).contains("over replies.max-bytes (1048576)");
        assertThat(r.messageId()).isEqualTo("<reply-1@mail.example.org>");
        assertThat(r.headers().fromAddresses()).containsExactly("alice@example.org");
        assertThat(r.authenticationResults()).hasSize(2);
        assertThat(box.messageIds(FAILED)).containsExactly("<reply-1@mail.example.org>");
    }

    @Test
    void whenTheHandlerThrowsTheMailStaysAndThePassEndsUntilItHasFailedInFivePasses() throws Exception {
        deliver("plain-reply.eml", "latin1.eml");
        List<String> calls = new CopyOnWriteArrayList<>();
        ReplyHandler failingOnAlice = reply -> {
            calls.add(reply.messageId());
            if ("<reply-1@mail.example.org>".equals(reply.messageId())) {
                throw new IllegalStateException("the store is down");
            }
            return Disposition.done("recorded");
        };
        List<String> failedWhy = new CopyOnWriteArrayList<>();
        ReplyPoll poll = new ReplyPoll(box.mailbox(box.settings()), failingOnAlice, failedWhy::add);
        String first = box.messageIds("INBOX").get(0);
        assertThat(first).isEqualTo("<reply-1@mail.example.org>");

        for (int i = 1; i < ReplyPoll.HANDLER_ATTEMPTS; i++) {
            assertThat(poll.run(() -> false)).isEqualTo(new ReplyPoll.Pass(0, 0, 2, null));
        }
        assertThat(calls).hasSize(ReplyPoll.HANDLER_ATTEMPTS - 1).containsOnly("<reply-1@mail.example.org>");
        assertThat(box.messageIds("INBOX")).hasSize(2);

        assertThat(poll.run(() -> false)).isEqualTo(new ReplyPoll.Pass(1, 1, 0, null));
        assertThat(box.messageIds(FAILED)).containsExactly("<reply-1@mail.example.org>");
        assertThat(box.messageIds(DONE)).containsExactly("<latin-1@mail.example.de>");
        assertThat(failedWhy).containsExactly("handling-failed");
    }

    @Test
    void withoutMoveTheMailIsCopiedDeletedAndExpunged() throws Exception {
        deliver("plain-reply.eml", "no-text.eml");

        ReplyPoll.Pass pass = poll(recording).withoutMove().run(() -> false);

        assertThat(pass).isEqualTo(new ReplyPoll.Pass(1, 1, 0, null));
        assertThat(box.messageIds("INBOX")).isEmpty();
        assertThat(box.messageIds(DONE)).containsExactly("<reply-1@mail.example.org>");
        assertThat(box.messageIds(FAILED)).containsExactly("<no-text@mail.example.org>");
    }

    @Test
    void aStopBetweenTwoMailsLeavesTheRest() throws Exception {
        deliver("plain-reply.eml", "latin1.eml");

        ReplyPoll.Pass pass = poll(recording).run(() -> !handled.isEmpty());

        assertThat(pass).isEqualTo(new ReplyPoll.Pass(1, 0, 1, null));
        assertThat(box.messageIds("INBOX")).hasSize(1);
    }

    @Test
    void anUnreachableServerEndsThePassWithItsReasonInsteadOfThrowing() {
        ReplySettings s = box.settings();
        ReplySettings closed = new ReplySettings(s.host(), 1, s.security(), s.username(), null, s.passwordEnv(), null, null,
                null, null, s.authservId(), null, null, null, null, java.time.Duration.ofSeconds(5), null);
        Function<ReplySettings, ReplyPoll> polls = settings -> new ReplyPoll(box.mailbox(settings), recording);

        ReplyPoll.Pass pass = polls.apply(closed).run(() -> false);

        assertThat(pass.error()).isNotNull();
        assertThat(pass.clean()).isFalse();
        assertThat(handled).isEmpty();
    }
}

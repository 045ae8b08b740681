package dev.culprit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.culprit.testing.RepliesMailbox;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IMAP IDLE on GreenMail wakes the replies poll when a mail arrives, and stops when closed. */
class ImapIdleWatchIT {
    @RegisterExtension
    static GreenMailExtension greenMail = RepliesMailbox.greenMail();

    private final RepliesMailbox box = new RepliesMailbox(greenMail);

    @Test
    void aMailArrivingWakesThePoll() throws Exception {
        AtomicInteger wakes = new AtomicInteger();
        ImapIdleWatch watch = ImapIdleWatch.start(box.mailbox(box.settings()), wakes::incrementAndGet, Duration.ofHours(1));
        try {
            await().atMost(Duration.ofMinutes(1)).until(watch::idling);
            assertThat(wakes).hasValue(0);

            box.deliverFixture("plain-reply.eml");

            await().atMost(Duration.ofMinutes(1)).until(() -> wakes.get() > 0);
        } finally {
            long start = System.nanoTime();
            watch.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closing ends the IDLE at once")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void anUnreachableServerIsRetriedUntilClosed() {
        ReplySettings s = box.settings();
        ReplySettings closed = new ReplySettings(s.host(), 1, s.security(), s.username(), null, s.passwordEnv(), null, null,
                null, null, s.authservId(), null, null, null, null, Duration.ofSeconds(5), null);
        ImapIdleWatch watch = ImapIdleWatch.start(box.mailbox(closed), () -> { }, Duration.ofHours(1));

        long start = System.nanoTime();
        watch.close();

        assertThat(watch.idling()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}

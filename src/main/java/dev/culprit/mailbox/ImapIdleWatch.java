package dev.culprit.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the replies poll early: one connection in IMAP IDLE (RFC 2177) on the replies folder, when
 * the server offers it, calling {@code wake} when a mail arrives. The timed poll stays the source
 * of truth: when the connection breaks, the watch connects again after {@code retry}, and a server
 * without IDLE is only polled.
 */
public final class ImapIdleWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImapIdleWatch.class);
    /** How long the watch's connection may stay silent before it is renewed (RFC 2177 asks for under 30 minutes). */
    static final Duration SILENCE = Duration.ofMinutes(29);

    private final ImapMailbox mailbox;
    private final Runnable wake;
    private final Duration retry;
    private final Object lock = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean idling;
    private volatile Store store;

    private ImapIdleWatch(ImapMailbox mailbox, Runnable wake, Duration retry) {
        this.mailbox = mailbox.withReadTimeout(SILENCE);
        this.wake = wake;
        this.retry = retry;
        this.thread = new Thread(this::loop, "culprit-imap-idle");
        thread.setDaemon(true);
    }

    /** Starts watching; {@link #close()} stops. */
    public static ImapIdleWatch start(ImapMailbox mailbox, Runnable wake, Duration retry) {
        ImapIdleWatch w = new ImapIdleWatch(mailbox, wake, retry);
        w.thread.start();
        return w;
    }

    /** Whether the watch is in IDLE now (for tests). */
    boolean idling() {
        return idling;
    }

    private void loop() {
        while (!closed) {
            try {
                if (!watch()) {
                    return;
                }
            } catch (MessagingException | RuntimeException e) {
                if (!closed) {
                    log.info("replies: IMAP IDLE on {} ended ({}); the poll goes on, IDLE again in {} s",
                            mailbox.settings().folder(), e.getMessage(), retry.toSeconds());
                }
            } finally {
                idling = false;
            }
            pause();
        }
    }

    /** Idles until the connection ends; false when the server has no IDLE. */
    private boolean watch() throws MessagingException {
        try (Store s = mailbox.connect()) {
            store = s;
            if (closed) {
                return false;
            }
            if (!((IMAPStore) s).hasCapability("IDLE")) {
                log.info("replies: {} does not offer IMAP IDLE; the folder is polled only", mailbox.describe());
                return false;
            }
            IMAPFolder folder = (IMAPFolder) ImapMailbox.folder(s, mailbox.settings().folder());
            folder.open(Folder.READ_ONLY);
            folder.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    wake.run();
                }
            });
            log.info("replies: waiting in IMAP IDLE on {} of {}; a new mail wakes the poll", mailbox.settings().folder(),
                    mailbox.describe());
            while (!closed && folder.isOpen()) {
                idling = true;
                folder.idle(false);
            }
            return true;
        } finally {
            store = null;
        }
    }

    private void pause() {
        synchronized (lock) {
            if (!closed) {
                try {
                    lock.wait(retry.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    /** Ends the watch: its connection is closed, which ends the IDLE. */
    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        Store s = store;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException e) {
                log.debug("closing the IMAP IDLE connection: {}", e.getMessage());
            }
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

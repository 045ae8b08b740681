package dev.culprit.mailbox;

import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyHandler;
import dev.culprit.replies.ReplyHandler.Disposition;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the replies folder: each message is read into an {@link IncomingReply}, handed to
 * the {@link ReplyHandler}, and moved to the done or failed folder the handler names. A pass never
 * throws:
 * <ul>
 * <li>a message that cannot be fetched or read goes to the failed folder, the reason logged;</li>
 * <li>when the handler throws (its store down, say) the message stays where it is and the pass
 * ends, leaving the rest for the next pass; a message the handler failed on in
 * {@value #HANDLER_ATTEMPTS} passes of this process goes to the failed folder instead;</li>
 * <li>a lost connection or a failed move ends the pass; the next pass finds a handled message
 * recorded and only moves it.</li>
 * </ul>
 * Each outcome is logged with the mail's Message-ID (or its digest) and the reason.
 */
public final class ReplyPoll {
    private static final Logger log = LoggerFactory.getLogger(ReplyPoll.class);
    /** Passes of this process the handler may fail on one message before it goes to the failed folder. */
    public static final int HANDLER_ATTEMPTS = 5;

    private final ImapMailbox mailbox;
    private final ReplyReader reader;
    private final ReplyHandler handler;
    private final HandlerFailures failures;
    private final Consumer<String> failed;
    private final boolean allowMove;

    public ReplyPoll(ImapMailbox mailbox, ReplyHandler handler) {
        this(mailbox, handler, reason -> { });
    }

    /**
     * @param failed told why each mail the poll itself moves to the failed folder went there:
     *     {@code unfetchable} (it could not be fetched or read) or {@code handling-failed} (the
     *     handler failed on it in {@value #HANDLER_ATTEMPTS} passes); the handler reports the others
     */
    public ReplyPoll(ImapMailbox mailbox, ReplyHandler handler, Consumer<String> failed) {
        this(mailbox, handler, failed, true);
    }

    private ReplyPoll(ImapMailbox mailbox, ReplyHandler handler, Consumer<String> failed, boolean allowMove) {
        this.mailbox = mailbox;
        this.reader = new ReplyReader(mailbox.settings().maxBytes());
        this.handler = handler;
        this.failures = new HandlerFailures(HANDLER_ATTEMPTS);
        this.failed = failed;
        this.allowMove = allowMove;
    }

    public ImapMailbox mailbox() {
        return mailbox;
    }

    /** The same poll moving by copy, delete and expunge even where the server offers MOVE. */
    ReplyPoll withoutMove() {
        return new ReplyPoll(mailbox, handler, failed, false);
    }

    /**
     * What one pass did.
     *
     * @param done messages moved to the done folder
     * @param failed messages moved to the failed folder
     * @param left messages left in the folder for the next pass
     * @param error why the pass ended early (no connection, a failed move), or null
     */
    public record Pass(int done, int failed, int left, String error) {
        public boolean clean() {
            return error == null && left == 0;
        }
    }

    private enum Step { DONE, FAILED, SKIPPED, STOP }

    /** The folders of one pass. */
    private record Folders(IMAPFolder inbox, Folder done, Folder failed, FolderMoves moves) {}

    /** Reads the folder once, until it is read or {@code stopping} says to stop between two messages. */
    public Pass run(BooleanSupplier stopping) {
        ReplySettings s = mailbox.settings();
        int[] counts = new int[3];
        try (Store store = mailbox.connect()) {
            ImapMailbox.ensure(store, s.doneFolder());
            ImapMailbox.ensure(store, s.failedFolder());
            IMAPFolder inbox = (IMAPFolder) ImapMailbox.folder(store, s.folder());
            inbox.open(Folder.READ_WRITE);
            try {
                Folders folders = new Folders(inbox, ImapMailbox.folder(store, s.doneFolder()),
                        ImapMailbox.folder(store, s.failedFolder()), FolderMoves.of((IMAPStore) store, allowMove));
                readAll(folders, stopping, counts);
            } finally {
                closeQuietly(inbox);
            }
        } catch (MessagingException | RuntimeException e) {
            log.error("replies: reading {} of {} stopped: {}; the next pass goes on", s.folder(), mailbox.describe(),
                    e.toString());
            return new Pass(counts[0], counts[1], counts[2], e.toString());
        }
        return new Pass(counts[0], counts[1], counts[2], null);
    }

    private void readAll(Folders folders, BooleanSupplier stopping, int[] counts) throws MessagingException {
        Message[] messages = folders.inbox().getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        folders.inbox().fetch(messages, profile);
        for (int i = 0; i < messages.length; i++) {
            if (stopping.getAsBoolean()) {
                counts[2] += messages.length - i;
                return;
            }
            Step step = handleOne(folders, messages[i]);
            switch (step) {
                case DONE -> counts[0]++;
                case FAILED -> counts[1]++;
                case STOP -> {
                    counts[2] += messages.length - i;
                    return;
                }
                case SKIPPED -> { }
            }
        }
    }

    private Step handleOne(Folders folders, Message m) throws MessagingException {
        if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
            return Step.SKIPPED;
        }
        IncomingReply reply;
        try {
            reply = fetch(m);
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessageRemovedException e) {
            return Step.SKIPPED;
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("reply {}: cannot be read, moved to {}: {}", nameOf(m), mailbox.settings().failedFolder(), e.toString());
            folders.moves().move(folders.inbox(), m, folders.failed());
            failed.accept("unfetchable");
            return Step.FAILED;
        }
        String key = key(reply);
        Disposition d;
        try {
            d = Objects.requireNonNull(handler.handle(reply), "the reply handler gave no disposition");
        } catch (RuntimeException e) {
            return handlerFailed(folders, m, reply, e);
        }
        failures.forget(key);
        boolean done = d.folder() == Disposition.Folder.DONE;
        folders.moves().move(folders.inbox(), m, done ? folders.done() : folders.failed());
        String problem = reply.problem() == null ? "" : " (" + BodyText.shown(reply.problem(), 400) + ")";
        String from = BodyText.shown(String.join(", ", reply.headers().fromAddresses()), 300);
        if (done) {
            log.info("reply {} from {}: {}{}; moved to {}", name(reply), from, d.reason(), problem,
                    mailbox.settings().doneFolder());
        } else {
            log.warn("reply {} from {}: {}{}; moved to {}", name(reply), from, d.reason(), problem,
                    mailbox.settings().failedFolder());
        }
        return done ? Step.DONE : Step.FAILED;
    }

    private Step handlerFailed(Folders folders, Message m, IncomingReply reply, RuntimeException e) throws MessagingException {
        String key = key(reply);
        if (failures.failedAgain(key)) {
            log.error("reply {}: handling it failed in {} passes, moved to {}: {}", name(reply), failures.limit(),
                    mailbox.settings().failedFolder(), e.toString(), e);
            folders.moves().move(folders.inbox(), m, folders.failed());
            failures.forget(key);
            failed.accept("handling-failed");
            return Step.FAILED;
        }
        log.error("reply {}: handling it failed (pass {} of {}); it stays in {} and this pass ends: {}", name(reply),
                failures.count(key), failures.limit(), mailbox.settings().folder(), e.toString(), e);
        return Step.STOP;
    }

    /** The mail as a reply: its headers alone when it is over {@code max-bytes}, else its bytes. */
    private IncomingReply fetch(Message m) throws MessagingException, IOException {
        long size = m.getSize();
        if (size > reader.maxBytes()) {
            List<String> lines = Collections.list(((MimeMessage) m).getAllHeaderLines());
            byte[] block = (String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            return reader.oversized(block, size);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(1024, size));
        m.writeTo(bytes);
        return reader.read(bytes.toByteArray());
    }

    /** The identity a handler failure is counted under. */
    private static String key(IncomingReply reply) {
        return reply.messageId() != null ? "id " + reply.messageId() : "sha256 " + reply.digest();
    }

    /** The mail in a log line: its Message-ID, or its digest when it has none. */
    static String name(IncomingReply reply) {
        return reply.messageId() != null ? BodyText.shown(reply.messageId())
                : "without Message-ID (sha256 " + reply.digest().substring(0, 16) + ")";
    }

    private static String nameOf(Message m) {
        try {
            String[] ids = m.getHeader("Message-ID");
            if (ids != null && ids.length > 0) {
                return BodyText.shown(ids[0]);
            }
        } catch (MessagingException | RuntimeException e) {
            // named by its number below
        }
        return "number " + m.getMessageNumber() + " (its Message-ID cannot be read)";
    }

    private static void closeQuietly(Folder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.debug("closing {}: {}", folder.getFullName(), e.getMessage());
        }
    }
}

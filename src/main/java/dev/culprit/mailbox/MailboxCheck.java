package dev.culprit.mailbox;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check-config --connect} for the replies mailbox: connects, logs in and opens the three
 * folders (creating those that are missing), one {@link Line} per step; nothing is read or moved.
 */
public final class MailboxCheck {
    /** One step: {@code imap folder culprit/done: ok: created}. */
    public record Line(boolean ok, String text) {}

    private MailboxCheck() {}

    public static List<Line> run(ImapMailbox mailbox) {
        ReplySettings s = mailbox.settings();
        List<Line> lines = new ArrayList<>();
        String where = s.host() + ":" + s.port() + " (" + s.security().name().toLowerCase(java.util.Locale.ROOT) + ")";
        Store store;
        try {
            store = mailbox.connect();
        } catch (AuthenticationFailedException e) {
            lines.add(new Line(true, "imap connect: ok: " + where));
            lines.add(new Line(false, "imap login: failed: login as " + s.username() + " refused: " + e.getMessage()));
            return lines;
        } catch (MessagingException e) {
            lines.add(new Line(false, "imap connect: failed: " + where + ": " + cause(e)));
            lines.add(new Line(false, "imap login: skipped: not connected"));
            return lines;
        }
        try (store) {
            lines.add(new Line(true, "imap connect: ok: " + where));
            lines.add(new Line(true, "imap login: ok: logged in as " + s.username()));
            for (String name : List.of(s.folder(), s.doneFolder(), s.failedFolder())) {
                lines.add(folder(store, name));
            }
        } catch (MessagingException e) {
            lines.add(new Line(false, "imap logout: failed: " + cause(e)));
        }
        return lines;
    }

    private static Line folder(Store store, String name) {
        try {
            boolean created = ImapMailbox.ensure(store, name);
            Folder f = ImapMailbox.folder(store, name);
            f.open(Folder.READ_ONLY);
            try {
                return new Line(true, "imap folder " + name + ": ok: " + (created ? "created, " : "") + f.getMessageCount()
                        + " message(s)");
            } finally {
                f.close(false);
            }
        } catch (MessagingException e) {
            return new Line(false, "imap folder " + name + ": failed: " + cause(e));
        }
    }

    private static String cause(MessagingException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public static boolean passed(List<Line> lines) {
        return lines.stream().allMatch(Line::ok);
    }
}

package dev.culprit.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Moves a message to another folder: with IMAP MOVE (RFC 6851) when the server offers it, else by
 * copying it, marking it deleted and expunging it (only it, with UID EXPUNGE, when the server offers
 * UIDPLUS). A crash between the copy and the expunge leaves the message in both folders; the next
 * pass finds it handled and only moves it again.
 */
final class FolderMoves {
    private final boolean move;
    private final boolean uidExpunge;

    private FolderMoves(boolean move, boolean uidExpunge) {
        this.move = move;
        this.uidExpunge = uidExpunge;
    }

    static FolderMoves of(IMAPStore store, boolean allowMove) throws MessagingException {
        return new FolderMoves(allowMove && store.hasCapability("MOVE"), store.hasCapability("UIDPLUS"));
    }

    void move(IMAPFolder from, Message message, Folder to) throws MessagingException {
        Message[] one = {message};
        if (move) {
            from.moveMessages(one, to);
            return;
        }
        from.copyMessages(one, to);
        message.setFlag(Flags.Flag.DELETED, true);
        if (uidExpunge) {
            from.expunge(one);
        } else {
            from.expunge();
        }
    }

    String how() {
        return move ? "MOVE" : "COPY, STORE \\Deleted and " + (uidExpunge ? "UID EXPUNGE" : "EXPUNGE");
    }
}

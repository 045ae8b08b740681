package dev.culprit.moderation;

import dev.culprit.recipients.Address;
import dev.culprit.render.RenderException;
import dev.culprit.store.HeldMail;
import dev.culprit.store.Moderation;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.StoreException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a notice to the moderation address for every held mail that has none yet. Run after
 * each spool scan; a notice is an outbox row of its own, so it is sent, retried and capped like
 * any mail, and queued at most once per held mail (its key is unique). A held mail stored while
 * no moderation address was configured gets its notice once one is.
 */
public final class HeldNotices {
    private static final Logger log = LoggerFactory.getLogger(HeldNotices.class);

    private final Moderation moderation;
    private final ModerationMails mails;
    private final Optional<Address> moderator;

    public HeldNotices(Moderation moderation, ModerationMails mails, ModerationSettings settings) {
        this.moderation = moderation;
        this.mails = mails;
        this.moderator = settings.moderator();
    }

    /** @return how many notices were queued */
    public int queueMissing() throws StoreException {
        if (moderator.isEmpty()) {
            return 0;
        }
        int queued = 0;
        for (HeldMail held : moderation.heldWithoutNotice()) {
            QueuedMail notice;
            try {
                notice = mails.notice(held, moderator.get());
            } catch (RenderException | IllegalArgumentException e) {
                log.error("{}: cannot write the moderation notice for held result {}: {}", held.source(), held.shortId(),
                        e.getMessage());
                continue;
            }
            if (moderation.queueNotice(held.id(), notice)) {
                queued++;
                log.info("{}: moderation notice {} about held result {} queued for {}", held.source(), notice.messageId(),
                        held.shortId(), moderator.get().addrSpec());
            }
        }
        return queued;
    }
}

package dev.culprit.moderation;

import dev.culprit.store.StoreException;

/**
 * The moderation parts over one outbox: the send-time recipient policy, the notices about held
 * mails and the moderator's controls. Built by the application's assembly.
 */
public record ModerationParts(CurrentRecipientPolicy policy, HeldNotices notices, Moderator moderator) {

    /**
     * What follows every spool scan: stored opt-outs taken off the new mails, then notices
     * queued for new held mails (so that a notice lists who the mail would really go to).
     */
    public void afterScan() throws StoreException {
        moderator.applyToNew();
        notices.queueMissing();
    }
}

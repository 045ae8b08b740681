package dev.culprit.store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Delivery as the store sees it, without SMTP: every due mail claimed and recorded as sent to all its recipients. */
public final class SentAll {
    private SentAll() {}

    /** @return how many mails were marked sent */
    public static int mark(Outbox outbox, Instant now) throws StoreException {
        List<OutboxMail> due = outbox.claims().claim("test", 100, Duration.ofMinutes(5));
        for (OutboxMail m : due) {
            Map<Integer, MailUpdate.RecipientChange> changes = new HashMap<>();
            for (OutboxRecipient r : m.recipients()) {
                changes.put(r.position(), new MailUpdate.RecipientChange(OutboxRecipient.State.SENT, null));
            }
            if (!outbox.outcomes().update(new MailUpdate(m.id(), "test", OutboxState.SENT, 0, now, null, changes, List.of()))) {
                throw new IllegalStateException("mail " + m.id() + " was not recorded as sent");
            }
        }
        return due.size();
    }
}

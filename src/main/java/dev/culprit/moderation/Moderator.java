package dev.culprit.moderation;

import dev.culprit.mail.RecipientHeaders;
import dev.culprit.model.Recipient;
import dev.culprit.render.RenderException;
import dev.culprit.store.HeldMail;
import dev.culprit.store.Moderation;
import dev.culprit.store.ModerationException;
import dev.culprit.store.OptOutList;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.SentMail;
import dev.culprit.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderator's controls: list held mails, release or drop them, retract a sent result with a
 * correction in its thread, and keep the opt-out list. Every change is committed to the store
 * before the method returns; what must be mailed is queued in the outbox and goes out with the
 * next delivery, through its caps and retries.
 */
public final class Moderator {
    private static final Logger log = LoggerFactory.getLogger(Moderator.class);
    private static final int MAX_REWRITTEN = 100_000;
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final Moderation moderation;
    private final OptOutList optOuts;
    private final ModerationMails mails;
    private final CurrentRecipientPolicy policy;
    private long seenUpTo;

    /** What a retraction did: the result it withdrew and the correction queued for it. */
    public record Retraction(SentMail original, QueuedMail correction) {}

    /** What an opt-out did: whether the entry is new, and how many unsent mails lost a recipient. */
    public record OptOutResult(String entry, boolean added, int mailsChanged) {}

    public Moderator(Outbox outbox, Moderation moderation, OptOutList optOuts, ModerationMails mails, CurrentRecipientPolicy policy) {
        this.outbox = outbox;
        this.moderation = moderation;
        this.optOuts = optOuts;
        this.mails = mails;
        this.policy = policy;
    }

    public List<HeldMail> held() throws StoreException {
        return moderation.held();
    }

    public HeldMail release(String key) throws StoreException, ModerationException {
        HeldMail m = moderation.release(key);
        log.info("{}: held result {} released; it goes out as {}", m.source(), m.shortId(), m.messageId());
        return m;
    }

    public HeldMail drop(String key, String why) throws StoreException, ModerationException {
        HeldMail m = moderation.drop(key, why);
        log.info("{}: held result {} dropped; it is never sent", m.source(), m.shortId());
        return m;
    }

    /**
     * Retracts a sent result and queues its correction.
     *
     * @param newCulprit the commit now believed to be the culprit, or null
     */
    public Retraction retract(String key, String why, String newCulprit) throws StoreException, ModerationException {
        if (why == null || why.isBlank()) {
            throw new ModerationException("a retraction needs a reason (--why)");
        }
        String commit;
        try {
            commit = ModerationMails.checkCommit(newCulprit);
        } catch (IllegalArgumentException e) {
            throw new ModerationException("--culprit: " + e.getMessage());
        }
        SentMail original = moderation.sent(key);
        QueuedMail correction;
        try {
            correction = mails.retraction(original, why, commit);
        } catch (RenderException | IllegalArgumentException e) {
            throw new ModerationException("cannot write the correction of result " + original.shortId() + ": " + e.getMessage());
        }
        moderation.retract(original, why, commit, correction);
        log.info("{}: result {} retracted; correction {} queued for {} recipient(s)", original.source(), original.shortId(),
                correction.messageId(), correction.recipients().size());
        return new Retraction(original, correction);
    }

    /**
     * Adds an address or a domain to the stored opt-out list and takes it off every mail still
     * pending or held at once (recipient headers rewritten, the recipient marked suppressed).
     * Delivery checks the list again right before each send, for mails it holds meanwhile.
     */
    public OptOutResult optOut(String addressOrDomain, String why) throws StoreException {
        String entry = OptOutList.normalize(addressOrDomain);
        boolean added = optOuts.add(entry, why);
        if (added) {
            log.info("{} added to the opt-out list", entry);
        }
        return new OptOutResult(entry, added, applyToUnsent());
    }

    public boolean removeOptOut(String addressOrDomain) throws StoreException {
        boolean removed = optOuts.remove(addressOrDomain);
        if (removed) {
            log.info("{} removed from the opt-out list", OptOutList.normalize(addressOrDomain));
        }
        return removed;
    }

    public List<OptOutList.Entry> optOuts() throws StoreException {
        return optOuts.list();
    }

    /**
     * Applies the recipient policy as it stands now to every pending and held mail.
     *
     * @return how many mails lost a recipient
     */
    public int applyToUnsent() throws StoreException {
        List<OutboxMail> unsent = new ArrayList<>(outbox.status().inState(OutboxState.PENDING, MAX_REWRITTEN));
        unsent.addAll(outbox.status().inState(OutboxState.HELD, MAX_REWRITTEN));
        return apply(unsent);
    }

    /**
     * Takes the stored opt-outs off the mails the last scan queued or held: the pipeline reads
     * only the opt-out file, so this is where a stored opt-out reaches a new mail's headers
     * before it is sent. Looks only at rows added since the last call; does nothing while the
     * stored list is empty. (A row committed late by another instance may be passed over; the
     * send-time policy still keeps the address off its envelope.)
     *
     * @return how many mails lost a recipient
     */
    public synchronized int applyToNew() throws StoreException {
        if (optOuts.isEmpty()) {
            return 0;
        }
        int changed = 0;
        while (true) {
            OptOutList.Unsent next = optOuts.unsentAfter(seenUpTo, BATCH);
            changed += apply(next.mails());
            if (next.upTo() <= seenUpTo || next.mails().size() < BATCH) {
                seenUpTo = Math.max(seenUpTo, next.upTo());
                return changed;
            }
            seenUpTo = next.upTo();
        }
    }

    private int apply(List<OutboxMail> unsent) throws StoreException {
        int changed = 0;
        for (OutboxMail m : unsent) {
            List<OutboxRecipient> pending = m.pendingRecipients();
            Map<String, String> suppressed = policy.suppressed(pending.stream().map(OutboxRecipient::recipient).toList(), Set.of());
            if (suppressed.isEmpty()) {
                continue;
            }
            Map<Integer, String> byPosition = new HashMap<>();
            for (OutboxRecipient r : pending) {
                suppressed.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(r.address())).findFirst()
                        .ifPresent(e -> byPosition.put(r.position(), e.getValue()));
            }
            List<Recipient> keep = m.recipients().stream()
                    .filter(r -> r.state() != OutboxRecipient.State.SUPPRESSED && !byPosition.containsKey(r.position()))
                    .map(OutboxRecipient::recipient).toList();
            byte[] rewritten;
            try {
                rewritten = RecipientHeaders.rewrite(m.message(),
                        keep.stream().filter(r -> r.field() == Recipient.Field.TO).toList(),
                        keep.stream().filter(r -> r.field() == Recipient.Field.CC).toList());
            } catch (IllegalArgumentException e) {
                log.warn("mail {} from {}: recipient headers left as they are: {}", shortId(m), m.source(), e.getMessage());
                rewritten = m.message();
            }
            if (optOuts.suppress(m.id(), rewritten, byPosition)) {
                changed++;
                for (OutboxRecipient r : pending) {
                    if (byPosition.containsKey(r.position())) {
                        log.info("mail {} from {}: {} taken off: {}", shortId(m), m.source(), r.address(), byPosition.get(r.position()));
                    }
                }
            }
        }
        return changed;
    }

    private static String shortId(OutboxMail m) {
        return new dev.culprit.model.ResultKey(m.resultKey()).shortId();
    }
}

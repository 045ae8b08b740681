package dev.culprit.moderation;

import dev.culprit.mail.SendTimePolicy;
import dev.culprit.model.Recipient;
import dev.culprit.recipients.Dropped;
import dev.culprit.recipients.OptOuts;
import dev.culprit.recipients.RecipientPolicy;
import dev.culprit.recipients.RecipientSettings;
import dev.culprit.store.OptOutList;
import dev.culprit.store.StoreException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The recipient policy as it stands when a mail is sent: the deny list and allowed domains of
 * the configuration, and the opt-outs of both the opt-out file ({@code recipients.opt-out-file})
 * and the store ({@code culprit opt-out}), addresses and domains. So an opt-out or a deny-list
 * entry added after a mail was queued or held still holds.
 *
 * <p>When a source cannot be read, {@link #suppressed} throws {@link IllegalStateException}:
 * delivery stops for that run rather than mail someone who may have opted out.
 */
public final class CurrentRecipientPolicy implements SendTimePolicy {
    private static final long REREAD_NANOS = 1_000_000_000L;

    private final RecipientSettings settings;
    private final Supplier<OptOuts> file;
    private final OptOutList store;

    /**
     * @param file reads the opt-out file ({@link OptOuts#none()} when none is configured); throws
     *     {@link IllegalStateException} when the file cannot be read
     */
    public CurrentRecipientPolicy(RecipientSettings settings, Supplier<OptOuts> file, OptOutList store) {
        this.settings = settings;
        this.file = file;
        this.store = store;
    }

    @Override
    public Map<String, String> suppressed(List<Recipient> recipients, Set<String> optedOut) {
        return droppedBy(recipients, policy(optedOut, current()));
    }

    /**
     * Reads the opt-out file and the store when first used, and again whenever what it read is a
     * second old: a batch of mails is checked against opt-outs at most a second stale, not one
     * read of each source per mail. The policy made of what it read and of the batch's opted-out
     * addresses serves every mail until either changes.
     */
    @Override
    public SendTimePolicy forBatch() {
        return new SendTimePolicy() {
            private OptOuts read;
            private long readAt;
            private Set<String> policyOptedOut;
            private RecipientPolicy policy;

            @Override
            public Map<String, String> suppressed(List<Recipient> recipients, Set<String> optedOut) {
                long now = System.nanoTime();
                if (read == null || now - readAt > REREAD_NANOS) {
                    read = current();
                    readAt = now;
                    policy = null;
                }
                if (policy == null || optedOut != policyOptedOut) {
                    policy = policy(optedOut, read);
                    policyOptedOut = optedOut;
                }
                return droppedBy(recipients, policy);
            }
        };
    }

    private RecipientPolicy policy(Set<String> optedOut, OptOuts current) {
        Set<String> addresses = new HashSet<>(current.addresses());
        addresses.addAll(optedOut);
        return settings.policy(new OptOuts(addresses, current.domains()));
    }

    private static Map<String, String> droppedBy(List<Recipient> recipients, RecipientPolicy policy) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Dropped d : policy.filter(recipients).dropped()) {
            out.put(d.address(), d.reason());
        }
        return out;
    }

    /**
     * The opt-outs of the file and the store together, read now.
     *
     * @throws IllegalStateException when either cannot be read
     */
    public OptOuts current() {
        OptOuts fromFile = file.get();
        OptOuts fromStore;
        try {
            fromStore = store.current();
        } catch (StoreException e) {
            throw new IllegalStateException("cannot read the stored opt-out list: " + e.getMessage(), e);
        }
        Set<String> addresses = new HashSet<>(fromFile.addresses());
        addresses.addAll(fromStore.addresses());
        Set<String> domains = new HashSet<>(fromFile.domains());
        domains.addAll(fromStore.domains());
        return new OptOuts(addresses, domains);
    }
}

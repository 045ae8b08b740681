package dev.culprit.moderation;

import dev.culprit.config.ConfigException;
import dev.culprit.config.OptOutFile;
import dev.culprit.mail.SendTimePolicy;
import dev.culprit.model.Recipient;
import dev.culprit.recipients.Dropped;
import dev.culprit.recipients.OptOuts;
import dev.culprit.recipients.RecipientSettings;
import dev.culprit.store.OptOutList;
import dev.culprit.store.StoreException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recipient policy as it stands when a mail is sent: the deny list and allowed domains of
 * the configuration, and the opt-outs of both the opt-out file ({@code recipients.opt-out-file})
 * and the store ({@code culprit opt-out}), addresses and domains. So an opt-out or a deny-list
 * entry added after a mail was queued or held still holds.
 *
 * <p>When a source cannot be read, the last opt-outs read from it are used and a warning is
 * logged: delivery neither stops nor forgets an opt-out it knew.
 */
public final class CurrentRecipientPolicy implements SendTimePolicy {
    private static final Logger log = LoggerFactory.getLogger(CurrentRecipientPolicy.class);

    private final RecipientSettings settings;
    private final OptOutFile file;
    private final OptOutList store;
    private OptOuts lastFile = OptOuts.none();
    private OptOuts lastStore = OptOuts.none();

    /** @param file the opt-out file, or null when none is configured */
    public CurrentRecipientPolicy(RecipientSettings settings, OptOutFile file, OptOutList store) {
        this.settings = settings;
        this.file = file;
        this.store = store;
    }

    @Override
    public synchronized Map<String, String> suppressed(List<Recipient> recipients, Set<String> optedOut) {
        OptOuts current = current();
        Set<String> addresses = new HashSet<>(current.addresses());
        addresses.addAll(optedOut);
        OptOuts all = new OptOuts(addresses, current.domains());
        Map<String, String> out = new LinkedHashMap<>();
        for (Dropped d : settings.policy(all).filter(recipients).dropped()) {
            out.put(d.address(), d.reason());
        }
        return out;
    }

    /** The opt-outs of the file and the store together, read now. */
    public synchronized OptOuts current() {
        if (file != null) {
            try {
                lastFile = file.read();
            } catch (ConfigException e) {
                log.warn("cannot read the opt-out file; using the list read before: {}", e.getMessage());
            }
        }
        try {
            lastStore = store.current();
        } catch (StoreException e) {
            log.warn("cannot read the stored opt-out list; using the list read before: {}", e.getMessage());
        }
        Set<String> addresses = new HashSet<>(lastFile.addresses());
        addresses.addAll(lastStore.addresses());
        Set<String> domains = new HashSet<>(lastFile.domains());
        domains.addAll(lastStore.domains());
        return new OptOuts(addresses, domains);
    }
}

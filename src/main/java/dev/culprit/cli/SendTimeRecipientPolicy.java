package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.OptOutFile;
import dev.culprit.mail.SendTimePolicy;
import dev.culprit.model.Recipient;
import dev.culprit.recipients.Dropped;
import dev.culprit.recipients.OptOuts;
import dev.culprit.recipients.RecipientSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recipient policy as it stands when a mail is sent: the deny list, the allowed domains, and
 * the opt-outs from both the opt-out file and the store.
 */
final class SendTimeRecipientPolicy implements SendTimePolicy {
    private final RecipientSettings settings;
    private final OptOutFile file;

    SendTimeRecipientPolicy(RecipientSettings settings) {
        this.settings = settings;
        this.file = settings.optOutFile() == null ? null : new OptOutFile(Path.of(settings.optOutFile()));
    }

    @Override
    public Map<String, String> suppressed(List<Recipient> recipients, Set<String> optedOut) {
        OptOuts fromFile;
        try {
            fromFile = file == null ? OptOuts.none() : file.read();
        } catch (ConfigException e) {
            // sending without knowing who opted out could mail someone who asked not to be
            throw new IllegalStateException("cannot read the opt-out list: " + e.getMessage(), e);
        }
        Set<String> addresses = new HashSet<>(fromFile.addresses());
        addresses.addAll(optedOut);
        OptOuts all = new OptOuts(addresses, fromFile.domains());
        Map<String, String> out = new LinkedHashMap<>();
        for (Dropped d : settings.policy(all).filter(recipients).dropped()) {
            out.put(d.address(), d.reason());
        }
        return out;
    }
}

package dev.culprit.pipeline;

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
 * The recipient policy re-applied right before sending: the deny list, the allowed domains, the
 * opt-out file as it is now and the opt-outs recorded in the store (addresses, or domains when
 * an entry has no {@code @}).
 */
public final class PolicyAtSend implements SendTimePolicy {
    private final RecipientSettings settings;
    private final OptOutFile file;

    /** @param file the opt-out file, or null when none is configured */
    public PolicyAtSend(RecipientSettings settings, OptOutFile file) {
        this.settings = settings;
        this.file = file;
    }

    public static PolicyAtSend of(RecipientSettings settings) {
        return new PolicyAtSend(settings, settings.optOutFile() == null ? null : new OptOutFile(Path.of(settings.optOutFile())));
    }

    /**
     * @throws IllegalStateException when the opt-out file cannot be read: nothing is sent then,
     *     rather than mailing someone who opted out
     */
    @Override
    public Map<String, String> suppressed(List<Recipient> recipients, Set<String> optedOut) {
        OptOuts fromFile;
        try {
            fromFile = file == null ? OptOuts.none() : file.read();
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Set<String> addresses = new HashSet<>(fromFile.addresses());
        Set<String> domains = new HashSet<>(fromFile.domains());
        for (String s : optedOut) {
            if (s.indexOf('@') > 0) {
                addresses.add(s);
            } else {
                domains.add(s.startsWith("@") ? s.substring(1) : s);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Dropped d : settings.policy(new OptOuts(addresses, domains)).filter(recipients).dropped()) {
            out.put(d.address(), d.reason());
        }
        return out;
    }
}

package dev.culprit.recipients;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code recipients} section of the configuration.
 *
 * @param alwaysTo addresses added to the To of every mail
 * @param alwaysCc addresses added to the Cc of every mail
 * @param deny address patterns never mailed, in addition to {@link RecipientPolicy#DEFAULT_DENY}
 * @param optOutFile the opt-out list (one address or domain per line), re-read when it changes;
 *     null for none
 * @param allowedDomains when not empty, only these domains (and their subdomains) are mailed
 * @param cap the most recipients of one mail (default 20)
 * @param redirectTo staging: send every mail to this one address instead
 * @param broadLists lists that carry everything, trimmed first (default linux-kernel@vger.kernel.org)
 */
public record RecipientSettings(
        List<String> alwaysTo,
        List<String> alwaysCc,
        List<String> deny,
        String optOutFile,
        List<String> allowedDomains,
        Integer cap,
        String redirectTo,
        List<String> broadLists) {
    public RecipientSettings {
        alwaysTo = checkAddresses("always-to", alwaysTo);
        alwaysCc = checkAddresses("always-cc", alwaysCc);
        deny = deny == null ? List.of() : List.copyOf(deny);
        for (int i = 0; i < deny.size(); i++) {
            String p = deny.get(i);
            if (p.isBlank() || Address.hasControl(p) || p.contains(" ")) {
                throw new IllegalArgumentException("deny[" + i + "]: not an address pattern: " + Address.quote(p));
            }
        }
        allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
        for (int i = 0; i < allowedDomains.size(); i++) {
            if (!Address.isAddrSpec("x@" + allowedDomains.get(i))) {
                throw new IllegalArgumentException("allowed-domains[" + i + "]: not a domain: " + Address.quote(allowedDomains.get(i)));
            }
        }
        cap = cap == null ? RecipientPolicy.DEFAULT_CAP : cap;
        if (cap < 2) {
            throw new IllegalArgumentException("cap: must be at least 2: " + cap);
        }
        if (redirectTo != null && Address.addrSpecProblem(redirectTo) != null) {
            throw new IllegalArgumentException("redirect-to: " + Address.addrSpecProblem(redirectTo) + ": " + Address.quote(redirectTo));
        }
        broadLists = checkAddresses("broad-lists", broadLists == null ? List.of("linux-kernel@vger.kernel.org") : broadLists);
    }

    public static RecipientSettings defaults() {
        return new RecipientSettings(null, null, null, null, null, null, null, null);
    }

    /** The policy for these settings with the given opt-outs. */
    public RecipientPolicy policy(OptOuts optOuts) {
        List<String> allDeny = new ArrayList<>(RecipientPolicy.DEFAULT_DENY);
        allDeny.addAll(deny);
        return new RecipientPolicy(allDeny, optOuts, allowedDomains, cap, redirectTo);
    }

    /** The sources in their fixed order: culprit commit, configured lists, the log, the sidecar. */
    public RecipientResolver resolver() {
        return new RecipientResolver(List.of(
                new CulpritRecipients(),
                new ConfiguredRecipients(alwaysTo, alwaysCc),
                new LogRecipients(new MailingLists(broadLists)),
                new SidecarRecipients()));
    }

    private static List<String> checkAddresses(String key, List<String> list) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                Address.parse(list.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + "[" + i + "]: " + e.getMessage());
            }
        }
        return List.copyOf(list);
    }
}

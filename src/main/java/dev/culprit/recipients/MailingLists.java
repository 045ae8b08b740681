package dev.culprit.recipients;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells mailing lists from people, and broad lists (those that carry everything, such as
 * linux-kernel@vger.kernel.org) from subsystem lists.
 */
public final class MailingLists {
    /** Domains that host only lists. */
    private static final Set<String> LIST_DOMAINS = Set.of(
            "vger.kernel.org", "googlegroups.com", "kvack.org", "alsa-project.org", "lists.linux.dev");

    private final Set<String> broad;

    /** @param broadLists the addresses of broad lists, matched case-insensitively */
    public MailingLists(List<String> broadLists) {
        this.broad = Set.copyOf(broadLists.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    public boolean isList(Address a) {
        if (broad.contains(a.key())) {
            return true;
        }
        String d = a.domain();
        return LIST_DOMAINS.contains(d) || d.startsWith("lists.") || d.contains(".lists.");
    }

    public boolean isBroad(Address a) {
        return broad.contains(a.key());
    }
}

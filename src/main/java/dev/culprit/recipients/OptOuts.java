package dev.culprit.recipients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * People and domains that asked never to be mailed. A domain entry also covers its subdomains.
 *
 * @param addresses lower-case addresses
 * @param domains lower-case domains, without {@code @}
 */
public record OptOuts(Set<String> addresses, Set<String> domains) {
    public OptOuts {
        addresses = Set.copyOf(addresses.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        domains = Set.copyOf(domains.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    public static OptOuts none() {
        return new OptOuts(Set.of(), Set.of());
    }

    /**
     * Reads the opt-out list format: one entry per line, an address ({@code a@b.c}) or a domain
     * ({@code example.org} or {@code @example.org}); blank lines and lines starting with
     * {@code #} are ignored.
     *
     * @throws IllegalArgumentException naming the 1-based line of an entry that is neither
     */
    public static OptOuts parse(String text) {
        List<String> addresses = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String domain = s.startsWith("@") ? s.substring(1) : s;
            if (domain.indexOf('@') < 0 && Address.isAddrSpec("x@" + domain)) {
                domains.add(domain);
            } else if (Address.isAddrSpec(s)) {
                addresses.add(s);
            } else {
                throw new IllegalArgumentException("line " + n + ": neither an address nor a domain: " + Address.quote(s));
            }
        }
        return new OptOuts(Set.copyOf(addresses), Set.copyOf(domains));
    }

    /** Why the address is opted out, or empty. */
    public Optional<String> reason(Address a) {
        if (addresses.contains(a.key())) {
            return Optional.of("opted out");
        }
        String d = a.domain();
        while (true) {
            if (domains.contains(d)) {
                return Optional.of("opted out (domain " + d + ")");
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            d = d.substring(dot + 1);
        }
    }
}

package dev.culprit.recipients;

import dev.culprit.model.Recipient;
import dev.culprit.model.Recipient.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who of the candidates may be mailed. Pure and cheap, so delivery can re-run {@link #filter} on
 * a stored recipient list just before sending, with the opt-outs of that moment.
 *
 * @param deny address patterns never mailed; {@code *} matches any run of characters,
 *     case-insensitive ({@code syzbot+*@syzkaller.appspotmail.com})
 * @param optOuts addresses and domains that asked not to be mailed
 * @param allowedDomains when not empty, only addresses in these domains (or their subdomains)
 * @param cap the most recipients of one mail; the weakest ties are trimmed first, never the
 *     culprit's author or the first subsystem list
 * @param redirectTo when set, every mail goes to this one address instead (staging)
 */
public record RecipientPolicy(List<String> deny, OptOuts optOuts, List<String> allowedDomains, int cap, String redirectTo) {
    /** Addresses no report should go to: the stable list and the bots that appear in trailers. */
    public static final List<String> DEFAULT_DENY = List.of(
            "stable@vger.kernel.org",
            "stable@kernel.org",
            "syzbot@syzkaller.appspotmail.com",
            "syzbot+*@syzkaller.appspotmail.com",
            "*@syzkaller.appspotmail.com",
            "lkp@intel.com",
            "bot@kernelci.org",
            "abaci@linux.alibaba.com",
            "hulkci@huawei.com",
            "*+coverity-bot@*",
            "patchwork-bot+*@kernel.org",
            "noreply@*",
            "no-reply@*");
    public static final int DEFAULT_CAP = 20;

    public RecipientPolicy {
        deny = List.copyOf(deny);
        Objects.requireNonNull(optOuts, "optOuts");
        allowedDomains = allowedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        if (cap < 2) {
            throw new IllegalArgumentException("cap: must be at least 2 (the author and the first list are never trimmed): " + cap);
        }
        if (redirectTo != null && Address.addrSpecProblem(redirectTo) != null) {
            throw new IllegalArgumentException("redirect-to: " + Address.addrSpecProblem(redirectTo) + ": " + Address.quote(redirectTo));
        }
    }

    public static RecipientPolicy defaults() {
        return new RecipientPolicy(DEFAULT_DENY, OptOuts.none(), List.of(), DEFAULT_CAP, null);
    }

    /** The same policy with other opt-outs, as read at send time. */
    public RecipientPolicy withOptOuts(OptOuts current) {
        return new RecipientPolicy(deny, current, allowedDomains, cap, redirectTo);
    }

    /**
     * Applies deny list, opt-outs and allowed domains, then the cap, then redirect-all.
     */
    public PolicyResult apply(List<Ranked> candidates) {
        List<Ranked> allowed = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Ranked r : candidates) {
            Optional<String> why = dropReason(r.address());
            if (why.isPresent()) {
                dropped.add(new Dropped(r.address().addrSpec(), why.get()));
            } else {
                allowed.add(r);
            }
        }
        List<Ranked> trimmed = new ArrayList<>();
        if (allowed.size() > cap) {
            // Weakest first; among equals, the one named last goes first.
            List<Ranked> byWeakness = allowed.stream()
                    .filter(r -> !r.kept())
                    .sorted(Comparator.comparing(Ranked::tie).thenComparingInt(Ranked::order).reversed())
                    .toList();
            int excess = allowed.size() - cap;
            trimmed.addAll(byWeakness.subList(0, Math.min(excess, byWeakness.size())));
            Set<Ranked> cut = Collections.newSetFromMap(new IdentityHashMap<>());
            cut.addAll(trimmed);
            allowed.removeIf(cut::contains);
        }
        List<Recipient> envelope = allowed.stream()
                .sorted(Comparator.comparing(Ranked::field).thenComparing(Ranked::tie).thenComparingInt(Ranked::order))
                .map(Ranked::toRecipient)
                .toList();
        List<Recipient> trimmedRecipients = trimmed.stream().map(Ranked::toRecipient).toList();
        if (redirectTo != null) {
            Recipient staging = new Recipient(redirectTo, null, Field.TO,
                    List.of("staging: redirect-to sends every mail to this address"));
            return new PolicyResult(List.of(staging), dropped, trimmedRecipients, envelope);
        }
        return new PolicyResult(envelope, dropped, trimmedRecipients, List.of());
    }

    /**
     * Re-checks a stored recipient list against the deny list, the given opt-outs and the allowed
     * domains, keeping order, fields and reasons. The cap and the redirect were applied when the
     * list was made and are not applied again.
     */
    public Filtered filter(List<Recipient> stored) {
        List<Recipient> kept = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Recipient r : stored) {
            Address a;
            try {
                a = Address.of(r.address());
            } catch (IllegalArgumentException e) {
                dropped.add(new Dropped(r.address(), e.getMessage()));
                continue;
            }
            if (redirectTo != null && a.key().equals(redirectTo.toLowerCase(Locale.ROOT))) {
                kept.add(r);
                continue;
            }
            Optional<String> why = dropReason(a);
            if (why.isPresent()) {
                dropped.add(new Dropped(r.address(), why.get()));
            } else {
                kept.add(r);
            }
        }
        return new Filtered(kept, dropped);
    }

    /** Why this address must not be mailed, or empty when it may. */
    public Optional<String> dropReason(Address a) {
        for (String d : deny) {
            if (AddressGlob.matches(d, a.key())) {
                return Optional.of("on the deny list (" + d + ")");
            }
        }
        Optional<String> optedOut = optOuts.reason(a);
        if (optedOut.isPresent()) {
            return optedOut;
        }
        if (!allowedDomains.isEmpty() && allowedDomains.stream().noneMatch(d -> a.domain().equals(d) || a.domain().endsWith("." + d))) {
            return Optional.of("outside the allowed domains");
        }
        return Optional.empty();
    }
}

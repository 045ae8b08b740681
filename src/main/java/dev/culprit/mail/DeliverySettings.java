package dev.culprit.mail;

import dev.culprit.model.Recipient;
import dev.culprit.recipients.AddressGlob;
import java.time.Duration;
import java.util.List;

/**
 * The {@code delivery} section: retries, caps and who counts as a mailing list.
 *
 * @param batchSize the most mails sent over one SMTP connection per run of the delivery job
 * @param initialBackoff the wait after the first transient failure; doubled each time
 * @param maxBackoff the longest wait between two attempts
 * @param lifetime how long a mail may keep failing transiently before it is failed
 * @param hourlyCap the most mails sent in any rolling hour, all recipients together
 * @param dailyCapPerPerson the most mails one person receives in any rolling 24 hours
 * @param listPatterns addresses that are mailing lists, exempt from the per-person cap
 *     ({@code *@vger.kernel.org}, {@code *@lists.*}); a recipient resolved as a mailing list
 *     (named as one by the bisection) is exempt as well
 */
public record DeliverySettings(
        Integer batchSize,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration lifetime,
        Integer hourlyCap,
        Integer dailyCapPerPerson,
        List<String> listPatterns) {
    public DeliverySettings {
        batchSize = batchSize == null ? 100 : batchSize;
        initialBackoff = initialBackoff == null ? Duration.ofMinutes(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        lifetime = lifetime == null ? Duration.ofDays(3) : lifetime;
        hourlyCap = hourlyCap == null ? 200 : hourlyCap;
        dailyCapPerPerson = dailyCapPerPerson == null ? 20 : dailyCapPerPerson;
        listPatterns = listPatterns == null ? List.of("*@vger.kernel.org", "*@lists.*", "*@googlegroups.com")
                : List.copyOf(listPatterns);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch-size: must be positive: " + batchSize);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initial-backoff: must be positive: " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max-backoff: must not be shorter than initial-backoff: " + maxBackoff);
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime: must be positive: " + lifetime);
        }
        if (hourlyCap < 1) {
            throw new IllegalArgumentException("hourly-cap: must be positive: " + hourlyCap);
        }
        if (dailyCapPerPerson < 1) {
            throw new IllegalArgumentException("daily-cap-per-person: must be positive: " + dailyCapPerPerson);
        }
        for (int i = 0; i < listPatterns.size(); i++) {
            String p = listPatterns.get(i);
            if (p == null || !p.contains("@") || p.chars().anyMatch(c -> c <= ' ')) {
                throw new IllegalArgumentException("list-patterns[" + i + "]: not an address pattern like *@lists.example.org: " + p);
            }
        }
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(null, null, null, null, null, null, null);
    }

    /** Whether a recipient is a mailing list: resolved as one, or its address matches a list pattern. */
    public boolean isList(Recipient r) {
        return r.isList() || isListAddress(r.address());
    }

    /** Whether an address matches one of the list patterns ({@code *} matches any run of characters). */
    public boolean isListAddress(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        for (String p : listPatterns) {
            if (AddressGlob.matches(p, a)) {
                return true;
            }
        }
        return false;
    }
}

package dev.culprit.mail;

import dev.culprit.store.MailUpdate.LedgerEntry;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The caps of one delivery run: mails sent in the past hour, and mails each person received in
 * the past day (by lower-case address), read from the sent ledger once per run (each person when
 * first met) and counted on as the run sends. Within a run the windows do not slide, so the
 * counts can only be too high: mails may wait early, never go over a cap.
 */
final class DeliveryCaps {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final Outbox outbox;
    private final DeliverySettings settings;
    private final Clock clock;
    private long sentThisHour = -1;
    private final Map<String, Long> personalToday = new HashMap<>();

    DeliveryCaps(Outbox outbox, DeliverySettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads what the checks of these mails need and the run has not read yet. */
    void load(List<OutboxMail> mails) throws StoreException {
        Instant now = clock.instant();
        if (sentThisHour < 0) {
            sentThisHour = outbox.ledger().mailsSentSince(now.minus(HOUR));
        }
        List<String> people = mails.stream().flatMap(m -> m.pendingRecipients().stream())
                .filter(r -> !settings.isList(r.recipient())).map(r -> key(r.address())).distinct()
                .filter(a -> !personalToday.containsKey(a)).toList();
        if (!people.isEmpty()) {
            Map<String, Long> found = outbox.ledger().personalMailsSince(people, now.minus(DAY));
            for (String a : people) {
                personalToday.put(a, found.getOrDefault(a, 0L));
            }
        }
    }

    /** When the hourly cap is reached: the time a slot frees up; null while it is not. */
    Instant hourlyCapFreeAt() throws StoreException {
        if (sentThisHour < settings.hourlyCap()) {
            return null;
        }
        Instant now = clock.instant();
        return outbox.ledger().oldestSentSince(null, now.minus(HOUR)).map(t -> t.plus(HOUR)).orElse(now.plus(Duration.ofMinutes(1)));
    }

    /** When one of these recipients, a person at the daily cap, may be mailed again; null when none is at the cap. */
    Instant dailyCapFreeAt(List<OutboxRecipient> recipients) throws StoreException {
        Instant now = clock.instant();
        Instant freeAt = null;
        for (OutboxRecipient r : recipients) {
            if (settings.isList(r.recipient()) || personalToday.getOrDefault(key(r.address()), 0L) < settings.dailyCapPerPerson()) {
                continue;
            }
            Instant f = outbox.ledger().oldestSentSince(r.address(), now.minus(DAY)).map(t -> t.plus(DAY)).orElse(now.plus(HOUR));
            freeAt = freeAt == null || f.isAfter(freeAt) ? f : freeAt;
        }
        return freeAt;
    }

    /** Counts a mail delivered to these recipients. */
    void count(List<LedgerEntry> ledger) {
        if (ledger.isEmpty()) {
            return;
        }
        sentThisHour++;
        for (LedgerEntry e : ledger) {
            if (!e.list()) {
                personalToday.merge(key(e.address()), 1L, Long::sum);
            }
        }
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}

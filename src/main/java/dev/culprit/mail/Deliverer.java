package dev.culprit.mail;

import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.store.MailUpdate;
import dev.culprit.store.MailUpdate.LedgerEntry;
import dev.culprit.store.MailUpdate.RecipientChange;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import dev.culprit.store.SetupProblem;
import dev.culprit.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: claims due mails with a lease, re-applies the recipient policy, respects
 * the caps and the kill switch, sends over one connection per batch, and commits each outcome
 * in its own transaction before the next mail is sent: a crash leaves at most one mail
 * delivered but not recorded, sent again under the same Message-ID.
 *
 * <p>Failures: transient ones retry with exponential backoff and jitter until the lifetime is
 * over; permanent ones fail the mail or the address at once with the server's reply; setup
 * problems (authentication, relay, TLS) fail no mail but pause delivery, retried with backoff.
 */
public final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final Outbox outbox;
    private final MailTransport transport;
    private final DeliverySettings settings;
    private final Duration lease;
    private final KillSwitch killSwitch;
    private final SendTimePolicy policy;
    private final String owner;
    private final Clock clock;
    private final Backoff backoff;
    private final ServiceEvents events;
    private int setupFailures;
    private String lastPause;
    /** The SMTP connection, kept open from one batch to the next of one delivery run. */
    private MailTransport.Connection connection;
    /** The cap counts of the current delivery run. */
    private CapCounts counts;

    /**
     * What the caps count, read from the sent ledger once per delivery run and kept up to date
     * as the run sends: mails sent in the past hour, and mails each person received in the past
     * day (by lower-case address; zero for a person looked up without any). Within a run the
     * windows do not slide, so the counts can only be too high: mails may wait early, never
     * go over a cap.
     */
    private static final class CapCounts {
        long sentThisHour;
        final Map<String, Long> personalToday = new HashMap<>();

        CapCounts(long sentThisHour) {
            this.sentThisHour = sentThisHour;
        }
    }

    public Deliverer(Outbox outbox, MailTransport transport, DeliverySettings settings, Duration lease,
            KillSwitch killSwitch, SendTimePolicy policy, String owner, Clock clock, Backoff backoff) {
        this(outbox, transport, settings, lease, killSwitch, policy, owner, clock, backoff, ServiceEvents.NONE);
    }

    /** @param events told about every mail sent or given up on (metrics, watchdog) */
    public Deliverer(Outbox outbox, MailTransport transport, DeliverySettings settings, Duration lease,
            KillSwitch killSwitch, SendTimePolicy policy, String owner, Clock clock, Backoff backoff,
            ServiceEvents events) {
        this.events = events;
        this.outbox = outbox;
        this.transport = transport;
        this.settings = settings;
        this.lease = lease;
        this.killSwitch = killSwitch;
        this.policy = policy;
        this.owner = owner;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** One batch: at most {@code batch-size} mails over one connection, closed at the end. */
    public BatchResult deliverBatch(BooleanSupplier stopping) throws StoreException {
        try {
            return deliverBatchKeepingConnection(stopping);
        } finally {
            closeConnection();
        }
    }

    /**
     * One batch as {@link #deliverBatch}, but a connection that worked to the end of the batch
     * stays open for the next one (checked before it is used again), so that a delivery run of
     * several batches opens one connection. The caller closes it with {@link #closeConnection()}
     * when the run ends. A batch that stopped early (setup problem, server unreachable, stopping)
     * closes it at once.
     */
    public BatchResult deliverBatchKeepingConnection(BooleanSupplier stopping) throws StoreException {
        Optional<String> pause = killSwitch.reason();
        if (pause.isPresent()) {
            notePause("delivery paused: " + pause.get());
            return BatchResult.paused(pause.get());
        }
        Optional<SetupProblem> setup = outbox.setupProblem();
        if (setup.isPresent() && setup.get().retryAt() != null && clock.instant().isBefore(setup.get().retryAt())) {
            notePause("delivery paused until " + setup.get().retryAt() + " by a setup problem: " + setup.get().text());
            return BatchResult.paused("setup problem: " + setup.get().text());
        }
        lastPause = null;
        List<OutboxMail> mails = outbox.claim(owner, settings.batchSize(), lease);
        if (mails.isEmpty()) {
            return BatchResult.EMPTY;
        }
        Batch b = new Batch(mails, setup.isPresent());
        boolean keep = false;
        try {
            keep = b.run(stopping);
        } finally {
            if (!keep) {
                closeConnection();
            }
        }
        return b.result();
    }

    /**
     * Closes the connection kept open by {@link #deliverBatchKeepingConnection}, if any, and ends
     * the delivery run.
     */
    public void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        counts = null;
    }

    private void notePause(String why) {
        if (!why.equals(lastPause)) {
            log.warn(why);
            lastPause = why;
        }
    }

    /** The state of one batch: its connection, its counters, the mails not handled yet. */
    private final class Batch {
        private final List<OutboxMail> mails;
        private boolean hadSetupProblem;
        private boolean restHandled;
        private Set<String> optedOut;
        private final SendTimePolicy batchPolicy = policy.forBatch();
        private int sent;
        private int failed;
        private int retrying;
        private int waiting;
        private int dropped;

        Batch(List<OutboxMail> mails, boolean hadSetupProblem) {
            this.mails = mails;
            this.hadSetupProblem = hadSetupProblem;
        }

        /**
         * Returns whether the batch went through to its end, so that its connection may serve the
         * next batch.
         */
        boolean run(BooleanSupplier stopping) throws StoreException {
            if (connection != null && !connection.isOpen()) {
                // kept from the previous batch, closed by the server since
                closeConnection();
            }
            if (counts == null) {
                counts = new CapCounts(outbox.mailsSentSince(clock.instant().minus(HOUR)));
            }
            // what the checks of each mail need, read once per batch (the caps once per run) and kept up to date below
            List<String> addresses = mails.stream().flatMap(m -> m.pendingRecipients().stream())
                    .map(OutboxRecipient::address).distinct().toList();
            optedOut = outbox.optedOut(addresses);
            List<String> people = mails.stream().flatMap(m -> m.pendingRecipients().stream())
                    .filter(r -> !isList(r.recipient())).map(r -> key(r.address())).distinct()
                    .filter(a -> !counts.personalToday.containsKey(a)).toList();
            if (!people.isEmpty()) {
                Map<String, Long> found = outbox.personalMailsSince(people, clock.instant().minus(DAY));
                for (String a : people) {
                    counts.personalToday.put(a, found.getOrDefault(a, 0L));
                }
            }
            for (int i = 0; i < mails.size(); i++) {
                OutboxMail mail = mails.get(i);
                List<OutboxMail> rest = mails.subList(i, mails.size());
                if (stopping.getAsBoolean()) {
                    releaseAll(rest);
                    return false;
                }
                if (counts.sentThisHour >= settings.hourlyCap()) {
                    Instant free = outbox.oldestSentSince(null, clock.instant().minus(HOUR))
                            .map(t -> t.plus(HOUR)).orElse(clock.instant().plus(Duration.ofMinutes(1)));
                    log.warn("hourly cap of {} mails reached; {} mail(s) wait until {}", settings.hourlyCap(), rest.size(), free);
                    for (OutboxMail m : rest) {
                        waitUntil(m, free, "waiting: hourly cap of " + settings.hourlyCap() + " mails reached", Map.of());
                    }
                    return false;
                }
                if (!deliver(mail)) {
                    if (!restHandled) {
                        releaseAll(mails.subList(i + 1, mails.size()));
                    }
                    return false;
                }
            }
            return true;
        }

        /** Delivers one mail; false when the whole batch has to stop (setup problem, server down). */
        private boolean deliver(OutboxMail mail) throws StoreException {
            String id = shortId(mail);
            List<OutboxRecipient> pending = mail.pendingRecipients();
            Map<String, String> suppressed;
            try {
                suppressed = batchPolicy.suppressed(pending.stream().map(OutboxRecipient::recipient).toList(), optedOut);
            } catch (RuntimeException e) {
                log.error("delivery stopped for this run: the recipient policy cannot be applied: {}", e.getMessage());
                releaseOne(mail);
                return false;
            }
            Map<Integer, RecipientChange> changes = new HashMap<>();
            List<OutboxRecipient> toSend = new ArrayList<>();
            for (OutboxRecipient r : pending) {
                String why = suppressed.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(r.address()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (why != null) {
                    changes.put(r.position(), new RecipientChange(OutboxRecipient.State.SUPPRESSED, why));
                    log.info("mail {}: not sent to {}: {}", id, r.address(), why);
                } else {
                    toSend.add(r);
                }
            }
            if (toSend.isEmpty()) {
                boolean anySent = mail.recipients().stream().anyMatch(r -> r.state() == OutboxRecipient.State.SENT);
                OutboxState s = anySent ? OutboxState.SENT : OutboxState.DROPPED;
                String err = anySent ? mail.lastError() : "no recipient left to send to (opt-outs, deny list)";
                if (!anySent) {
                    log.warn("mail {} from {}: dropped: {}", id, mail.source(), err);
                    dropped++;
                    events.mailFailed(id, "no-recipient-left");
                } else {
                    sent++;
                    events.mailSent(id);
                }
                record(new MailUpdate(mail.id(), owner, s, mail.attempts(), clock.instant(), err, changes, List.of()), mail);
                return true;
            }
            Instant now = clock.instant();
            Instant freeAt = null;
            for (OutboxRecipient r : toSend) {
                if (isList(r.recipient())) {
                    continue;
                }
                if (counts.personalToday.getOrDefault(key(r.address()), 0L) >= settings.dailyCapPerPerson()) {
                    Instant f = outbox.oldestSentSince(r.address(), now.minus(DAY)).map(t -> t.plus(DAY)).orElse(now.plus(HOUR));
                    freeAt = freeAt == null || f.isAfter(freeAt) ? f : freeAt;
                }
            }
            if (freeAt != null) {
                log.info("mail {}: a recipient reached the daily cap of {} mails; it waits until {}", id,
                        settings.dailyCapPerPerson(), freeAt);
                waitUntil(mail, freeAt, "waiting: a recipient reached the daily cap of " + settings.dailyCapPerPerson() + " mails", changes);
                return true;
            }
            if (!outbox.renew(mail.id(), owner, lease)) {
                log.warn("mail {} from {}: another instance took it over after this one's lease ran out; not sent here",
                        id, mail.source());
                return true;
            }
            if (connection == null) {
                try {
                    connection = transport.open();
                } catch (DeliveryException e) {
                    return connectionFailed(mail, e.failure());
                }
            }
            List<String> addresses = toSend.stream().map(OutboxRecipient::address).toList();
            SendOutcome outcome;
            try {
                outcome = connection.send(withoutSuppressed(mail, changes), addresses);
            } catch (DeliveryException e) {
                SmtpFailure f = e.failure();
                switch (f.kind()) {
                    case SETUP -> {
                        setupProblem(f);
                        releaseOne(mail);
                        return false;
                    }
                    case PERMANENT -> {
                        for (OutboxRecipient r : toSend) {
                            changes.put(r.position(), new RecipientChange(OutboxRecipient.State.FAILED, f.text()));
                        }
                        log.error("mail {} from {}: refused for good: {}", id, mail.source(), f.text());
                        failed++;
                        events.mailFailed(id, "refused");
                        record(new MailUpdate(mail.id(), owner, OutboxState.FAILED, mail.attempts() + 1, now, f.text(), changes,
                                List.of()), mail);
                        return true;
                    }
                    default -> {
                        retry(mail, f.text(), changes);
                        if (!connection.isOpen()) {
                            closeConnection();
                        }
                        return true;
                    }
                }
            }
            List<LedgerEntry> ledger = new ArrayList<>();
            List<String> retryReplies = new ArrayList<>();
            SmtpFailure setup = null;
            for (OutboxRecipient r : toSend) {
                SmtpFailure f = outcome.refused().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(r.address()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (f == null) {
                    changes.put(r.position(), new RecipientChange(OutboxRecipient.State.SENT, null));
                    boolean list = isList(r.recipient());
                    ledger.add(new LedgerEntry(r.address(), list));
                    if (!list) {
                        counts.personalToday.merge(key(r.address()), 1L, Long::sum);
                    }
                } else if (f.kind() == SmtpFailure.Kind.PERMANENT) {
                    changes.put(r.position(), new RecipientChange(OutboxRecipient.State.FAILED, f.text()));
                    log.warn("mail {}: {} refused for good: {}", id, r.address(), f.text());
                } else {
                    if (f.kind() == SmtpFailure.Kind.SETUP) {
                        setup = f;
                    }
                    retryReplies.add(r.address() + ": " + f.text());
                }
            }
            if (!ledger.isEmpty()) {
                counts.sentThisHour++;
            }
            if (setup != null) {
                setupProblem(setup);
            } else if (hadSetupProblem) {
                outbox.clearSetupProblem();
                setupFailures = 0;
                hadSetupProblem = false;
                log.info("delivery works again through {}", transport.describe());
            }
            if (!retryReplies.isEmpty()) {
                if (!ledger.isEmpty()) {
                    log.info("mail {} from {}: sent to {} recipient(s), {} to retry", id, mail.source(), ledger.size(), retryReplies.size());
                }
                String err = String.join("; ", retryReplies);
                if (setup != null) {
                    waitUntil(mail, clock.instant(), "waiting: " + err, changes, ledger);
                    return false;
                }
                retry(mail, err, changes, ledger);
                return true;
            }
            boolean anySent = !ledger.isEmpty() || mail.recipients().stream().anyMatch(r -> r.state() == OutboxRecipient.State.SENT);
            if (anySent) {
                sent++;
                events.mailSent(id);
                long refused = changes.values().stream().filter(c -> c.state() == OutboxRecipient.State.FAILED).count();
                if (refused > 0) {
                    log.info("mail {} from {}: sent to {} recipient(s), {} refused", id, mail.source(), ledger.size(), refused);
                } else {
                    log.info("mail {} from {}: sent to {} recipient(s) through {}", id, mail.source(), ledger.size(), transport.describe());
                }
                record(new MailUpdate(mail.id(), owner, OutboxState.SENT, mail.attempts(), clock.instant(), null, changes,
                        ledger), mail);
            } else {
                failed++;
                String err = "every recipient refused: " + outcome.refused().values().stream().map(SmtpFailure::text).distinct()
                        .reduce((a, c) -> a + "; " + c).orElse("");
                log.error("mail {} from {}: {}", id, mail.source(), err);
                events.mailFailed(id, "refused");
                record(new MailUpdate(mail.id(), owner, OutboxState.FAILED, mail.attempts() + 1, clock.instant(), err, changes,
                        List.of()), mail);
            }
            return true;
        }

        private boolean connectionFailed(OutboxMail mail, SmtpFailure f) throws StoreException {
            if (f.kind() == SmtpFailure.Kind.SETUP) {
                setupProblem(f);
                releaseOne(mail);
                return false;
            }
            log.warn("cannot connect to {}: {}", transport.describe(), f.text());
            // the server is unreachable: every claimed mail counts one failed attempt
            int from = mails.indexOf(mail);
            for (OutboxMail m : mails.subList(from, mails.size())) {
                retry(m, f.text(), Map.of());
            }
            restHandled = true;
            return false;
        }

        private void retry(OutboxMail mail, String error, Map<Integer, RecipientChange> changes) throws StoreException {
            retry(mail, error, changes, List.of());
        }

        private void retry(OutboxMail mail, String error, Map<Integer, RecipientChange> changes, List<LedgerEntry> ledger)
                throws StoreException {
            Instant now = clock.instant();
            int attempts = mail.attempts() + 1;
            if (!now.isBefore(mail.createdAt().plus(settings.lifetime()))) {
                String err = "gave up after " + attempts + " attempt(s) over " + settings.lifetime() + ": " + error;
                log.error("mail {} from {}: {}", shortId(mail), mail.source(), err);
                Map<Integer, RecipientChange> all = new HashMap<>(changes);
                for (OutboxRecipient r : mail.pendingRecipients()) {
                    all.putIfAbsent(r.position(), new RecipientChange(OutboxRecipient.State.FAILED, error));
                }
                failed++;
                boolean anySent = !ledger.isEmpty() || mail.recipients().stream().anyMatch(r -> r.state() == OutboxRecipient.State.SENT);
                if (anySent) {
                    events.mailSent(shortId(mail));
                } else {
                    events.mailFailed(shortId(mail), "expired");
                }
                record(new MailUpdate(mail.id(), owner, anySent ? OutboxState.SENT : OutboxState.FAILED, attempts, now, err, all,
                        ledger), mail);
                return;
            }
            Duration wait = backoff.after(attempts);
            log.warn("mail {} from {}: attempt {} failed, next in {} s: {}", shortId(mail), mail.source(), attempts,
                    wait.toSeconds(), error);
            retrying++;
            record(new MailUpdate(mail.id(), owner, OutboxState.PENDING, attempts, now.plus(wait), error, changes, ledger), mail);
        }

        private void waitUntil(OutboxMail mail, Instant until, String why, Map<Integer, RecipientChange> changes) throws StoreException {
            waitUntil(mail, until, why, changes, List.of());
        }

        private void waitUntil(OutboxMail mail, Instant until, String why, Map<Integer, RecipientChange> changes,
                List<LedgerEntry> ledger) throws StoreException {
            waiting++;
            record(new MailUpdate(mail.id(), owner, OutboxState.PENDING, mail.attempts(), until, why, changes, ledger), mail);
        }

        private void setupProblem(SmtpFailure f) throws StoreException {
            setupFailures++;
            Instant retryAt = clock.instant().plus(backoff.after(setupFailures));
            String text = f.text() + " (check smtp.* in the configuration: credentials, envelope sender, relay permission, TLS)";
            log.error("delivery paused until {}: the mail server refused the bot's own setup at {}: {}", retryAt,
                    transport.describe(), text);
            outbox.setSetupProblem(text, retryAt);
            hadSetupProblem = true;
        }

        private void releaseOne(OutboxMail mail) throws StoreException {
            waiting++;
            outbox.release(mail.id(), owner);
        }

        private void releaseAll(List<OutboxMail> rest) throws StoreException {
            for (OutboxMail m : rest) {
                releaseOne(m);
            }
        }

        private void record(MailUpdate u, OutboxMail mail) throws StoreException {
            if (!outbox.update(u)) {
                lostLease(mail);
            }
        }

        private void lostLease(OutboxMail mail) {
            log.warn("mail {} from {}: this instance lost its lease before recording the outcome", shortId(mail), mail.source());
        }

        BatchResult result() {
            return new BatchResult(mails.size(), sent, failed, retrying, waiting, dropped, null);
        }
    }

    private boolean isList(Recipient r) {
        return r.isList() || settings.isListAddress(r.address());
    }

    /**
     * The message with the recipients suppressed at send time (and before) taken off its To and
     * Cc headers too, so that nobody sees an address that asked not to be mailed; the stored
     * message otherwise.
     */
    private static byte[] withoutSuppressed(OutboxMail mail, Map<Integer, RecipientChange> changes) {
        if (changes.values().stream().noneMatch(c -> c.state() == OutboxRecipient.State.SUPPRESSED)) {
            return mail.message();
        }
        List<Recipient> keep = mail.recipients().stream()
                .filter(r -> r.state() != OutboxRecipient.State.SUPPRESSED)
                .filter(r -> !changes.containsKey(r.position()) || changes.get(r.position()).state() != OutboxRecipient.State.SUPPRESSED)
                .map(OutboxRecipient::recipient)
                .toList();
        try {
            return RecipientHeaders.rewrite(mail.message(),
                    keep.stream().filter(r -> r.field() == Recipient.Field.TO).toList(),
                    keep.stream().filter(r -> r.field() == Recipient.Field.CC).toList());
        } catch (IllegalArgumentException e) {
            log.warn("mail {} from {}: recipient headers left as they are: {}", shortId(mail), mail.source(), e.getMessage());
            return mail.message();
        }
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    private static String shortId(OutboxMail m) {
        return new ResultKey(m.resultKey()).shortId();
    }
}

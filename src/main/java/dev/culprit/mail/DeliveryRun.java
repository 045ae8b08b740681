package dev.culprit.mail;

import dev.culprit.mail.DeliveryDecision.Decision;
import dev.culprit.mail.DeliveryDecision.Note;
import dev.culprit.mail.DeliveryDecision.Split;
import dev.culprit.model.Recipient;
import dev.culprit.store.MailUpdate.RecipientChange;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.ResultSuppressions;
import dev.culprit.store.SetupProblem;
import dev.culprit.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery run: batches of claimed mails over one SMTP connection, kept open from one batch
 * to the next while it works, and the caps counted as the run sends. Each mail's outcome is
 * committed before the next mail is sent. Closing the run closes the connection.
 */
public final class DeliveryRun implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryRun.class);

    private final Deliverer d;
    private final DeliveryCaps caps;
    private MailTransport.Connection connection;

    DeliveryRun(Deliverer deliverer) {
        this.d = deliverer;
        this.caps = new DeliveryCaps(d.outbox, d.settings, d.clock);
    }

    /**
     * One batch: at most {@code batch-size} mails. The connection stays open for the next batch
     * when the batch went through to its end; a batch that stopped early (setup problem, server
     * unreachable, stopping) closes it.
     */
    public BatchResult deliverBatch(BooleanSupplier stopping) throws StoreException {
        Optional<String> pause = d.killSwitch.reason();
        if (pause.isPresent()) {
            d.notePause("delivery paused: " + pause.get());
            return BatchResult.paused(pause.get());
        }
        Optional<SetupProblem> setup = d.outbox.status().setupProblem();
        if (setup.isPresent() && setup.get().retryAt() != null && d.clock.instant().isBefore(setup.get().retryAt())) {
            d.notePause("delivery paused until " + setup.get().retryAt() + " by a setup problem: " + setup.get().text());
            return BatchResult.paused("setup problem: " + setup.get().text());
        }
        d.notePause(null);
        List<OutboxMail> mails = d.outbox.claims().claim(d.owner, d.settings.batchSize(), d.lease);
        if (mails.isEmpty()) {
            return BatchResult.EMPTY;
        }
        Batch b = new Batch(mails, setup.isPresent());
        boolean completed = false;
        try {
            completed = b.run(stopping);
        } finally {
            if (!completed) {
                dropConnection();
            }
        }
        return b.result();
    }

    @Override
    public void close() {
        dropConnection();
    }

    private void dropConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** The mails of one batch, what is known about them, and how they fared. */
    private final class Batch {
        private final List<OutboxMail> mails;
        private boolean hadSetupProblem;
        private boolean restHandled;
        private Set<String> optedOut;
        private Map<String, Set<String>> unccd;
        private final SendTimePolicy policy = d.policy.forBatch();
        private final int[] tally = new int[DeliveryDecision.Tally.values().length];

        Batch(List<OutboxMail> mails, boolean hadSetupProblem) {
            this.mails = mails;
            this.hadSetupProblem = hadSetupProblem;
        }

        /** Returns whether the batch went through to its end, so that its connection may serve the next batch. */
        boolean run(BooleanSupplier stopping) throws StoreException {
            if (connection != null && !connection.isOpen()) {
                // kept from the previous batch, closed by the server since
                dropConnection();
            }
            // what the checks of each mail need, read once per batch (the caps once per run)
            optedOut = d.outbox.optOuts().optedOut(mails.stream().flatMap(m -> m.pendingRecipients().stream())
                    .map(OutboxRecipient::address).distinct().toList());
            unccd = d.outbox.suppressions().forResults(mails.stream()
                    .map(m -> ResultSuppressions.resultHashOf(m.resultKey())).toList());
            caps.load(mails);
            for (int i = 0; i < mails.size(); i++) {
                List<OutboxMail> rest = mails.subList(i, mails.size());
                if (stopping.getAsBoolean()) {
                    releaseAll(rest);
                    return false;
                }
                Instant free = caps.hourlyCapFreeAt();
                if (free != null) {
                    log.warn("hourly cap of {} mails reached; {} mail(s) wait until {}", d.settings.hourlyCap(), rest.size(), free);
                    for (OutboxMail m : rest) {
                        apply(d.decision.waitUntil(m, free, "waiting: hourly cap of " + d.settings.hourlyCap() + " mails reached",
                                Map.of(), List.of()), m);
                    }
                    return false;
                }
                if (!deliver(mails.get(i))) {
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
            Map<String, String> suppressed;
            try {
                suppressed = withUnccd(mail, policy.suppressed(
                        mail.pendingRecipients().stream().map(OutboxRecipient::recipient).toList(), optedOut));
            } catch (RuntimeException e) {
                log.error("delivery stopped for this run: the recipient policy cannot be applied: {}", e.getMessage());
                release(mail);
                return false;
            }
            Split split = d.decision.split(mail, suppressed);
            logAll(split.notes());
            if (split.toSend().isEmpty()) {
                return apply(d.decision.nobodyLeft(mail, split.changes(), d.clock.instant()), mail);
            }
            Instant freeAt = caps.dailyCapFreeAt(split.toSend());
            if (freeAt != null) {
                log.info("mail {}: a recipient reached the daily cap of {} mails; it waits until {}", DeliveryDecision.id(mail),
                        d.settings.dailyCapPerPerson(), freeAt);
                return apply(d.decision.waitUntil(mail, freeAt, "waiting: a recipient reached the daily cap of "
                        + d.settings.dailyCapPerPerson() + " mails", split.changes(), List.of()), mail);
            }
            if (!d.outbox.claims().renew(mail.id(), d.owner, d.lease)) {
                log.warn("mail {} from {}: another instance took it over after this one's lease ran out; not sent here",
                        DeliveryDecision.id(mail), mail.source());
                return true;
            }
            return send(mail, split);
        }

        /** The policy's suppressions and the addresses that asked for no more mail about this mail's result. */
        private Map<String, String> withUnccd(OutboxMail mail, Map<String, String> suppressed) {
            Set<String> none = unccd.getOrDefault(ResultSuppressions.resultHashOf(mail.resultKey()), Set.of());
            if (none.isEmpty()) {
                return suppressed;
            }
            Map<String, String> out = new java.util.LinkedHashMap<>(suppressed);
            for (OutboxRecipient r : mail.pendingRecipients()) {
                if (none.contains(r.address().toLowerCase(java.util.Locale.ROOT))) {
                    out.putIfAbsent(r.address(), ResultSuppressions.REASON);
                }
            }
            return out;
        }

        private boolean send(OutboxMail mail, Split split) throws StoreException {
            if (connection == null) {
                try {
                    connection = d.transport.open();
                } catch (DeliveryException e) {
                    return connectionFailed(mail, e.failure());
                }
            }
            SendOutcome outcome;
            try {
                outcome = connection.send(withoutSuppressed(mail, split.changes()),
                        split.toSend().stream().map(OutboxRecipient::address).toList());
            } catch (DeliveryException e) {
                if (e.failure().kind() == SmtpFailure.Kind.SETUP) {
                    setupProblem(e.failure());
                    release(mail);
                    return false;
                }
                apply(d.decision.refused(mail, split.toSend(), split.changes(), e.failure(), d.clock.instant()), mail);
                if (e.failure().kind() != SmtpFailure.Kind.PERMANENT && !connection.isOpen()) {
                    dropConnection();
                }
                return true;
            }
            Decision decided = d.decision.sent(mail, split.toSend(), split.changes(), outcome, d.clock.instant(), d.transport.describe());
            caps.count(decided.update().ledger());
            if (decided.setup() != null) {
                setupProblem(decided.setup());
            } else if (hadSetupProblem) {
                d.outbox.status().clearSetupProblem();
                d.setupWorks();
                hadSetupProblem = false;
                log.info("delivery works again through {}", d.transport.describe());
            }
            apply(decided, mail);
            return decided.setup() == null;
        }

        private boolean connectionFailed(OutboxMail mail, SmtpFailure f) throws StoreException {
            if (f.kind() == SmtpFailure.Kind.SETUP) {
                setupProblem(f);
                release(mail);
                return false;
            }
            log.warn("cannot connect to {}: {}", d.transport.describe(), f.text());
            // the server is unreachable: every claimed mail counts one failed attempt
            for (OutboxMail m : mails.subList(mails.indexOf(mail), mails.size())) {
                apply(d.decision.retry(m, f.text(), Map.of(), List.of(), d.clock.instant()), m);
            }
            restHandled = true;
            return false;
        }

        private void setupProblem(SmtpFailure f) throws StoreException {
            Instant retryAt = d.clock.instant().plus(d.backoff.after(d.setupFailed()));
            String text = f.text() + " (check smtp.* in the configuration: credentials, envelope sender, relay permission, TLS)";
            log.error("delivery paused until {}: the mail server refused the bot's own setup at {}: {}", retryAt,
                    d.transport.describe(), text);
            d.outbox.status().setSetupProblem(text, retryAt);
            hadSetupProblem = true;
        }

        /** Commits a decided outcome, after logging it and telling the events; always true. */
        private boolean apply(Decision decided, OutboxMail mail) throws StoreException {
            logAll(decided.notes());
            tally[decided.tally().ordinal()]++;
            if (decided.sent()) {
                d.events.mailSent(DeliveryDecision.id(mail));
            } else if (decided.failure() != null) {
                d.events.mailFailed(DeliveryDecision.id(mail), decided.failure());
            }
            if (!d.outbox.outcomes().update(decided.update())) {
                log.warn("mail {} from {}: this instance lost its lease before recording the outcome", DeliveryDecision.id(mail),
                        mail.source());
            }
            return true;
        }

        private void release(OutboxMail mail) throws StoreException {
            tally[DeliveryDecision.Tally.WAITING.ordinal()]++;
            d.outbox.claims().release(mail.id(), d.owner);
        }

        private void releaseAll(List<OutboxMail> rest) throws StoreException {
            for (OutboxMail m : rest) {
                release(m);
            }
        }

        BatchResult result() {
            return new BatchResult(mails.size(), count(DeliveryDecision.Tally.SENT), count(DeliveryDecision.Tally.FAILED),
                    count(DeliveryDecision.Tally.RETRYING), count(DeliveryDecision.Tally.WAITING),
                    count(DeliveryDecision.Tally.DROPPED), null);
        }

        private int count(DeliveryDecision.Tally t) {
            return tally[t.ordinal()];
        }
    }

    private static void logAll(List<Note> notes) {
        for (Note n : notes) {
            log.atLevel(n.level()).log(n.text());
        }
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
            log.warn("mail {} from {}: recipient headers left as they are: {}", DeliveryDecision.id(mail), mail.source(), e.getMessage());
            return mail.message();
        }
    }
}

package dev.culprit.mail;

import dev.culprit.model.ResultKey;
import dev.culprit.store.MailUpdate;
import dev.culprit.store.MailUpdate.LedgerEntry;
import dev.culprit.store.MailUpdate.RecipientChange;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * What a delivery attempt comes to: a mail and what the send-time policy and the SMTP server
 * said in, the state change to commit out. No SMTP, no store, no clock: the time is given.
 */
public final class DeliveryDecision {
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final String owner;

    /**
     * @param owner the instance that holds the mails' leases
     */
    public DeliveryDecision(DeliverySettings settings, Backoff backoff, String owner) {
        this.settings = settings;
        this.backoff = backoff;
        this.owner = owner;
    }

    /** How a decided mail counts in the batch's result. */
    public enum Tally { SENT, FAILED, RETRYING, WAITING, DROPPED }

    /** A line for the log, decided with the outcome. */
    public record Note(Level level, String text) {}

    /**
     * The state change of one mail and how it counts.
     *
     * @param update what to commit
     * @param tally how it counts in the batch's result
     * @param sent whether the mail reached anyone (told to the metrics as sent)
     * @param failure why it failed, for the metrics ({@code refused}, {@code expired},
     *     {@code no-recipient-left}), or null
     * @param setup a failure of the bot's own setup that pauses delivery, or null
     * @param notes what to log
     */
    public record Decision(MailUpdate update, Tally tally, boolean sent, String failure, SmtpFailure setup, List<Note> notes) {
        public Decision {
            notes = List.copyOf(notes);
        }
    }

    /** The recipients a mail goes to now, and the changes of those the send-time policy took off. */
    public record Split(List<OutboxRecipient> toSend, Map<Integer, RecipientChange> changes, List<Note> notes) {}

    /** Splits a mail's pending recipients by what the send-time policy said ({@code suppressed}: address to reason). */
    public Split split(OutboxMail mail, Map<String, String> suppressed) {
        Map<Integer, RecipientChange> changes = new HashMap<>();
        List<OutboxRecipient> toSend = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (OutboxRecipient r : mail.pendingRecipients()) {
            String why = byAddress(suppressed, r.address());
            if (why != null) {
                changes.put(r.position(), new RecipientChange(OutboxRecipient.State.SUPPRESSED, why));
                notes.add(new Note(Level.INFO, "mail " + id(mail) + ": not sent to " + r.address() + ": " + why));
            } else {
                toSend.add(r);
            }
        }
        return new Split(toSend, changes, notes);
    }

    /** Nobody is left to send to: sent if someone received it before, dropped otherwise. */
    public Decision nobodyLeft(OutboxMail mail, Map<Integer, RecipientChange> changes, Instant now) {
        if (sentBefore(mail)) {
            return new Decision(update(mail, OutboxState.SENT, mail.attempts(), now, mail.lastError(), changes, List.of()),
                    Tally.SENT, true, null, null, List.of());
        }
        String err = "no recipient left to send to (opt-outs, deny list)";
        return new Decision(update(mail, OutboxState.DROPPED, mail.attempts(), now, err, changes, List.of()), Tally.DROPPED,
                false, "no-recipient-left", null, List.of(new Note(Level.WARN, "mail " + id(mail) + " from " + mail.source()
                        + ": dropped: " + err)));
    }

    /** The mail waits, unchanged otherwise, until {@code until}. */
    public Decision waitUntil(OutboxMail mail, Instant until, String why, Map<Integer, RecipientChange> changes,
            List<LedgerEntry> ledger) {
        return new Decision(update(mail, OutboxState.PENDING, mail.attempts(), until, why, changes, ledger), Tally.WAITING,
                false, null, null, List.of());
    }

    /** The message as a whole was refused, for good or for now (not for the bot's setup). */
    public Decision refused(OutboxMail mail, List<OutboxRecipient> toSend, Map<Integer, RecipientChange> changes, SmtpFailure f,
            Instant now) {
        if (f.kind() != SmtpFailure.Kind.PERMANENT) {
            return retry(mail, f.text(), changes, List.of(), now);
        }
        Map<Integer, RecipientChange> all = new HashMap<>(changes);
        for (OutboxRecipient r : toSend) {
            all.put(r.position(), new RecipientChange(OutboxRecipient.State.FAILED, f.text()));
        }
        return new Decision(update(mail, OutboxState.FAILED, mail.attempts() + 1, now, f.text(), all, List.of()), Tally.FAILED,
                false, "refused", null, List.of(new Note(Level.ERROR, "mail " + id(mail) + " from " + mail.source()
                        + ": refused for good: " + f.text())));
    }

    /** The server took the message for some or all of {@code toSend}; {@code via} names it for the log. */
    public Decision sent(OutboxMail mail, List<OutboxRecipient> toSend, Map<Integer, RecipientChange> suppressed,
            SendOutcome outcome, Instant now, String via) {
        Map<Integer, RecipientChange> changes = new HashMap<>(suppressed);
        List<LedgerEntry> ledger = new ArrayList<>();
        List<String> retryReplies = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        SmtpFailure setup = null;
        for (OutboxRecipient r : toSend) {
            SmtpFailure f = byAddress(outcome.refused(), r.address());
            if (f == null) {
                changes.put(r.position(), new RecipientChange(OutboxRecipient.State.SENT, null));
                ledger.add(new LedgerEntry(r.address(), settings.isList(r.recipient())));
            } else if (f.kind() == SmtpFailure.Kind.PERMANENT) {
                changes.put(r.position(), new RecipientChange(OutboxRecipient.State.FAILED, f.text()));
                notes.add(new Note(Level.WARN, "mail " + id(mail) + ": " + r.address() + " refused for good: " + f.text()));
            } else {
                setup = f.kind() == SmtpFailure.Kind.SETUP ? f : setup;
                retryReplies.add(r.address() + ": " + f.text());
            }
        }
        if (!retryReplies.isEmpty()) {
            return someToRetry(mail, changes, ledger, retryReplies, setup, notes, now);
        }
        if (ledger.isEmpty() && !sentBefore(mail)) {
            String err = "every recipient refused: " + outcome.refused().values().stream().map(SmtpFailure::text).distinct()
                    .reduce((a, c) -> a + "; " + c).orElse("");
            notes.add(new Note(Level.ERROR, "mail " + id(mail) + " from " + mail.source() + ": " + err));
            return new Decision(update(mail, OutboxState.FAILED, mail.attempts() + 1, now, err, changes, List.of()),
                    Tally.FAILED, false, "refused", null, notes);
        }
        long refused = changes.values().stream().filter(c -> c.state() == OutboxRecipient.State.FAILED).count();
        notes.add(new Note(Level.INFO, refused > 0
                ? "mail " + id(mail) + " from " + mail.source() + ": sent to " + ledger.size() + " recipient(s), " + refused + " refused"
                : "mail " + id(mail) + " from " + mail.source() + ": sent to " + ledger.size() + " recipient(s) through " + via));
        return new Decision(update(mail, OutboxState.SENT, mail.attempts(), now, null, changes, ledger), Tally.SENT, true, null,
                null, notes);
    }

    private Decision someToRetry(OutboxMail mail, Map<Integer, RecipientChange> changes, List<LedgerEntry> ledger,
            List<String> retryReplies, SmtpFailure setup, List<Note> notes, Instant now) {
        if (!ledger.isEmpty()) {
            notes.add(new Note(Level.INFO, "mail " + id(mail) + " from " + mail.source() + ": sent to " + ledger.size()
                    + " recipient(s), " + retryReplies.size() + " to retry"));
        }
        String err = String.join("; ", retryReplies);
        Decision d = setup != null
                ? waitUntil(mail, now, "waiting: " + err, changes, ledger)
                : retry(mail, err, changes, ledger, now);
        List<Note> all = new ArrayList<>(notes);
        all.addAll(d.notes());
        return new Decision(d.update(), d.tally(), d.sent(), d.failure(), setup, all);
    }

    /**
     * A transient failure: the mail is tried again after a backoff, or fails once its lifetime
     * is over (as sent, when some recipients received it).
     */
    public Decision retry(OutboxMail mail, String error, Map<Integer, RecipientChange> changes, List<LedgerEntry> ledger,
            Instant now) {
        int attempts = mail.attempts() + 1;
        if (!now.isBefore(mail.createdAt().plus(settings.lifetime()))) {
            String err = "gave up after " + attempts + " attempt(s) over " + settings.lifetime() + ": " + error;
            Map<Integer, RecipientChange> all = new HashMap<>(changes);
            for (OutboxRecipient r : mail.pendingRecipients()) {
                all.putIfAbsent(r.position(), new RecipientChange(OutboxRecipient.State.FAILED, error));
            }
            boolean anySent = !ledger.isEmpty() || sentBefore(mail);
            return new Decision(update(mail, anySent ? OutboxState.SENT : OutboxState.FAILED, attempts, now, err, all, ledger),
                    Tally.FAILED, anySent, anySent ? null : "expired", null,
                    List.of(new Note(Level.ERROR, "mail " + id(mail) + " from " + mail.source() + ": " + err)));
        }
        Duration wait = backoff.after(attempts);
        return new Decision(update(mail, OutboxState.PENDING, attempts, now.plus(wait), error, changes, ledger), Tally.RETRYING,
                false, null, null, List.of(new Note(Level.WARN, "mail " + id(mail) + " from " + mail.source() + ": attempt "
                        + attempts + " failed, next in " + wait.toSeconds() + " s: " + error)));
    }

    private MailUpdate update(OutboxMail mail, OutboxState state, int attempts, Instant at, String error,
            Map<Integer, RecipientChange> changes, List<LedgerEntry> ledger) {
        return new MailUpdate(mail.id(), owner, state, attempts, at, error, changes, ledger);
    }

    private static boolean sentBefore(OutboxMail mail) {
        return mail.recipients().stream().anyMatch(r -> r.state() == OutboxRecipient.State.SENT);
    }

    /** The value for {@code address}, compared without case, or null. */
    static <V> V byAddress(Map<String, V> map, String address) {
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (e.getKey().equalsIgnoreCase(address)) {
                return e.getValue();
            }
        }
        return null;
    }

    static String id(OutboxMail m) {
        return new ResultKey(m.resultKey()).shortId();
    }
}

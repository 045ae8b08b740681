package dev.culprit.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one delivery attempt, written in one transaction.
 *
 * @param id the outbox row
 * @param owner the instance that holds the lease; the update is refused when it no longer does
 * @param state the new state
 * @param attempts the new attempt count
 * @param nextAttemptAt when to try again (for {@code pending})
 * @param lastError the failure to keep, or null
 * @param recipients new states of recipients by position, with the server reply or reason
 * @param ledger the recipients this attempt delivered to
 */
public record MailUpdate(
        long id,
        String owner,
        OutboxState state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Map<Integer, RecipientChange> recipients,
        List<LedgerEntry> ledger) {
    public MailUpdate {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        recipients = Map.copyOf(recipients);
        ledger = List.copyOf(ledger);
    }

    /** A recipient's new state and the reply or reason that goes with it. */
    public record RecipientChange(OutboxRecipient.State state, String error) {}

    /** One delivered recipient, for the caps. */
    public record LedgerEntry(String address, boolean list) {}
}

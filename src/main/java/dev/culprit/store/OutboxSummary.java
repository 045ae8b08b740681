package dev.culprit.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Counts for {@code culprit status}.
 *
 * @param counts mails per state (states without mails are absent)
 * @param oldestPending when the oldest mail still waiting to be sent entered the outbox
 * @param setupProblem the setup problem that paused delivery, if any
 */
public record OutboxSummary(Map<OutboxState, Long> counts, Optional<Instant> oldestPending,
        Optional<SetupProblem> setupProblem) {
    public OutboxSummary {
        counts = Map.copyOf(counts);
    }

    public long count(OutboxState s) {
        return counts.getOrDefault(s, 0L);
    }
}

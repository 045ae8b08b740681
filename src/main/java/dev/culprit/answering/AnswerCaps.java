package dev.culprit.answering;

import dev.culprit.store.RepliedResults;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most {@code perSender} answers to one sender and {@code total} to everyone in any hour
 * ({@code replies.answers-per-hour}, {@code replies.answers-per-hour-total}), counted from the
 * answers queued in the outbox, so every instance of a cluster counts the same. Over a cap the
 * commands still apply; only the answer is left out.
 */
public record AnswerCaps(int perSender, int total) {
    private static final Duration HOUR = Duration.ofHours(1);

    public AnswerCaps {
        if (perSender < 0 || total < 0) {
            throw new IllegalArgumentException("answer caps must not be negative: " + perSender + ", " + total);
        }
    }

    /** Why an answer to {@code to} must be left out now, or empty when it may be queued. */
    Optional<String> over(Connection c, RepliedResults results, String to, Instant now) throws SQLException {
        Instant since = now.minus(HOUR);
        int toSender = results.answersSince(c, since, to);
        if (toSender >= perSender) {
            return Optional.of(toSender + " answers to " + to + " in the last hour (replies.answers-per-hour: " + perSender
                    + ")");
        }
        int all = results.answersSince(c, since, null);
        if (all >= total) {
            return Optional.of(all + " answers in the last hour (replies.answers-per-hour-total: " + total + ")");
        }
        return Optional.empty();
    }
}

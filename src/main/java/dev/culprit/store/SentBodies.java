package dev.culprit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the bodies of mails sent before a time from the outbox: the row stays (its key, its
 * Message-ID and its recipients keep the mail from being sent again), only the message bytes
 * become empty. Mails in any other state are not touched. The sent ledger's entries before the
 * same time go too: the caps look back one day at most, and the ledger would otherwise grow by
 * one row per recipient of every mail, for ever.
 */
public final class SentBodies {
    private static final Logger log = LoggerFactory.getLogger(SentBodies.class);

    /** The rows of the mails whose bodies go, marked as changed before the bodies are emptied. */
    static final String ROWS_SQL = "update outbox set updated_at = ? where state = " + OutboxState.SENT.sql() + " and sent_at < ?"
            + " and id in (select outbox_id from outbox_message where octet_length(message) > 0)";
    static final String SQL = "update outbox_message set message = ? where octet_length(message) > 0"
            + " and outbox_id in (select id from outbox where state = " + OutboxState.SENT.sql() + " and sent_at < ?)";
    static final String LEDGER_SQL = "delete from sent_ledger where sent_at < ?";
    /** The longest window a cap counts over. */
    private static final Duration CAP_WINDOW = Duration.ofDays(1);

    private final Database database;
    private final Clock clock;

    public SentBodies(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how many bodies were removed */
    public int purgeSentBefore(Instant cutoff) throws SQLException {
        Instant now = clock.instant();
        int bodies = database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ROWS_SQL)) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setObject(2, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setBytes(1, new byte[0]);
                ps.setObject(2, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                return ps.executeUpdate();
            }
        });
        Instant ledgerCutoff = cutoff.isBefore(now.minus(CAP_WINDOW)) ? cutoff : now.minus(CAP_WINDOW);
        try (Connection c = database.connection(); PreparedStatement ledger = c.prepareStatement(LEDGER_SQL)) {
            ledger.setObject(1, OffsetDateTime.ofInstant(ledgerCutoff, ZoneOffset.UTC));
            int entries = ledger.executeUpdate();
            if (entries > 0) {
                log.info("retention: removed {} sent ledger entries from before {}", entries, ledgerCutoff);
            }
        }
        return bodies;
    }
}

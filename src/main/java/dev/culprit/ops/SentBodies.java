package dev.culprit.ops;

import dev.culprit.store.Database;
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
public final class SentBodies implements Retention.SentBodyPurger {
    private static final Logger log = LoggerFactory.getLogger(SentBodies.class);

    static final String SQL = "update outbox set message = ?, updated_at = ?"
            + " where state = 'sent' and sent_at < ? and octet_length(message) > 0";
    static final String LEDGER_SQL = "delete from sent_ledger where sent_at < ?";
    /** The longest window a cap counts over. */
    private static final Duration CAP_WINDOW = Duration.ofDays(1);

    private final Database database;
    private final Clock clock;

    public SentBodies(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int purgeSentBefore(Instant cutoff) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            Instant now = clock.instant();
            ps.setBytes(1, new byte[0]);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            int bodies = ps.executeUpdate();
            Instant ledgerCutoff = cutoff.isBefore(now.minus(CAP_WINDOW)) ? cutoff : now.minus(CAP_WINDOW);
            try (PreparedStatement ledger = c.prepareStatement(LEDGER_SQL)) {
                ledger.setObject(1, OffsetDateTime.ofInstant(ledgerCutoff, ZoneOffset.UTC));
                int entries = ledger.executeUpdate();
                if (entries > 0) {
                    log.info("retention: removed {} sent ledger entries from before {}", entries, ledgerCutoff);
                }
            }
            return bodies;
        }
    }
}

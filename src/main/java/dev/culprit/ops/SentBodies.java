package dev.culprit.ops;

import dev.culprit.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Removes the bodies of mails sent before a time from the outbox: the row stays (its key, its
 * Message-ID, its recipients and the sent ledger keep the mail from being sent again and count
 * for the caps), only the message bytes become empty. Mails in any other state are not touched.
 */
public final class SentBodies implements Retention.SentBodyPurger {
    static final String SQL = "update outbox set message = ?, updated_at = ?"
            + " where state = 'sent' and sent_at < ? and octet_length(message) > 0";

    private final Database database;
    private final Clock clock;

    public SentBodies(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int purgeSentBefore(Instant cutoff) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setBytes(1, new byte[0]);
            ps.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            return ps.executeUpdate();
        }
    }
}

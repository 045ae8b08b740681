package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;
import static dev.culprit.store.OutboxRows.ts;
import static dev.culprit.store.OutboxState.PENDING;
import static dev.culprit.store.OutboxState.SENDING;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Claims and leases: which instance sends which mail. A claimed mail is {@code sending} under
 * its owner's lease; a lease that runs out lets another instance take the mail over.
 */
public final class Claims {
    /** The two ways a mail is due, each through the index by state, due time first. */
    private static final List<String> DUE_SQL = List.of("""
            select id, next_attempt_at from outbox where state = %s and next_attempt_at <= ?
            order by state, next_attempt_at, id fetch first ? rows only""".formatted(PENDING.sql()), """
            select id, next_attempt_at from outbox where state = %s and lease_until < ?
            order by next_attempt_at, id fetch first ? rows only""".formatted(SENDING.sql()));
    private static final String CLAIM_SQL = ("update outbox set state = %2$s, claimed_by = ?, lease_until = ?, updated_at = ?"
            + " where id = ? and (state = %1$s and next_attempt_at <= ? or state = %2$s and lease_until < ?)")
            .formatted(PENDING.sql(), SENDING.sql());

    private final Database db;
    private final Clock clock;

    public Claims(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due mails for {@code owner}: pending mails whose time has come,
     * and mails whose previous owner's lease ran out. Rows another instance is claiming at the
     * same moment are skipped, not waited for.
     */
    public List<OutboxMail> claim(String owner, int limit, Duration lease) throws StoreException {
        Instant now = clock.instant();
        try {
            return db.inTransaction(c -> {
                List<Long> due = due(c, now, limit);
                if (due.isEmpty()) {
                    return List.of();
                }
                List<Long> claimed = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(CLAIM_SQL)) {
                    for (long id : due) {
                        OutboxRows.bind(ps, owner, now.plus(lease), now, id, now, now);
                        ps.addBatch();
                    }
                    // a mail that changed since it was read (an operator's command) is not claimed
                    int[] counts = ps.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] != 0) {
                            claimed.add(due.get(i));
                        }
                    }
                }
                return claimed.isEmpty() ? List.of() : OutboxRows.load(c, claimed);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot claim mails from the outbox: " + e.getMessage(), e);
        }
    }

    /**
     * The ids of the first {@code limit} due mails, by due time: two queries, each through the
     * index by state, rather than one whose "or" made it read and sort the whole outbox.
     */
    private List<Long> due(Connection c, Instant now, int limit) throws SQLException {
        record Due(long id, Instant at) {}
        List<Due> due = new ArrayList<>();
        for (String sql : DUE_SQL) {
            try (PreparedStatement ps = c.prepareStatement(sql + db.dialect().skipLocked())) {
                ps.setObject(1, ts(now));
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), instant(rs, 2)));
                    }
                }
            }
        }
        return due.stream().sorted(Comparator.comparing(Due::at).thenComparingLong(Due::id)).limit(limit).map(Due::id).toList();
    }

    /**
     * Extends the lease on a claimed mail just before it is sent, so that the lease has to cover
     * one send rather than a whole batch. Returns false when {@code owner} no longer holds the
     * mail (its lease ran out and another instance claimed it): it must not be sent here.
     */
    public boolean renew(long id, String owner, Duration lease) throws StoreException {
        if (db.dialect().exclusive()) {
            // no other process can open an embedded database: nobody can take the mail over
            return true;
        }
        Instant now = clock.instant();
        return OutboxRows.update(db, "update outbox set lease_until = ?, updated_at = ?"
                + " where id = ? and state = " + SENDING.sql() + " and claimed_by = ?", now.plus(lease), now, id, owner) == 1;
    }

    /** Gives a claimed mail back unchanged, to be sent by the next run. */
    public void release(long id, String owner) throws StoreException {
        OutboxRows.update(db, "update outbox set state = " + PENDING.sql() + ", claimed_by = null, lease_until = null,"
                + " updated_at = ? where id = ? and state = " + SENDING.sql() + " and claimed_by = ?", clock.instant(), id, owner);
    }

    /**
     * After a crash of the only process that uses an embedded database: the mails it left in
     * {@code sending} go back to pending at once instead of waiting for their lease. Does nothing on a shared
     * database, where the lease decides.
     *
     * @return how many mails were taken back
     */
    public int recoverAbandoned() throws StoreException {
        if (!db.dialect().exclusive()) {
            return 0;
        }
        return OutboxRows.update(db, "update outbox set state = " + PENDING.sql() + ", claimed_by = null, lease_until = null,"
                + " updated_at = ? where state = " + SENDING.sql(), clock.instant());
    }
}

package dev.culprit.store;

import static dev.culprit.store.OutboxRows.clip;
import static dev.culprit.store.OutboxRows.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outcomes of delivery attempts, each written in place: the mail's row, its recipients and
 * the sent ledger in one transaction, committed before the next mail is sent.
 */
public final class Outcomes {
    /** Rows of the sent ledger written by one statement, at most. */
    private static final int LEDGER_ROWS = 100;
    private static final String MAIL_SQL = """
            update outbox set state = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
                claimed_by = null, lease_until = null, updated_at = ?,
                sent_at = case when ? then ? else sent_at end
            where id = ? and state = %s and claimed_by = ?""".formatted(OutboxState.SENDING.sql());

    private final Database db;
    private final Clock clock;

    public Outcomes(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A delivery attempt's outcome and the time it is recorded at. */
    record Outcome(MailUpdate update, Instant at) {}

    /**
     * Writes the outcome of a delivery attempt in one transaction: the mail's state, its
     * recipients' states and the ledger. Returns false, changing nothing, when {@code owner}
     * no longer holds the mail (its lease ran out and another instance took it).
     */
    public boolean update(MailUpdate u) throws StoreException {
        Instant now = clock.instant();
        try {
            return db.inTransaction(c -> apply(c, List.of(new Outcome(u, now)))[0]);
        } catch (SQLException e) {
            throw new StoreException("cannot record the delivery of mail " + u.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes these outcomes on {@code c}: each mail's row, its recipients and its ledger entries,
     * one statement each for all the mails. An outcome whose {@code owner} no longer holds the
     * mail changes nothing, and is false in the result.
     */
    static boolean[] apply(Connection c, List<Outcome> outcomes) throws SQLException {
        boolean[] applied = mails(c, outcomes);
        recipients(c, outcomes, applied);
        ledger(c, outcomes, applied);
        return applied;
    }

    private static boolean[] mails(Connection c, List<Outcome> outcomes) throws SQLException {
        boolean[] applied = new boolean[outcomes.size()];
        try (PreparedStatement ps = c.prepareStatement(MAIL_SQL)) {
            for (Outcome o : outcomes) {
                MailUpdate u = o.update();
                ps.setString(1, u.state().id());
                ps.setInt(2, u.attempts());
                ps.setObject(3, ts(u.nextAttemptAt()));
                ps.setString(4, clip(u.lastError()));
                ps.setObject(5, ts(o.at()));
                ps.setBoolean(6, u.state() == OutboxState.SENT);
                ps.setObject(7, ts(o.at()));
                ps.setLong(8, u.id());
                ps.setString(9, u.owner());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                applied[i] = counts[i] == 1;
            }
        }
        return applied;
    }

    private static void recipients(Connection c, List<Outcome> outcomes, boolean[] applied) throws SQLException {
        boolean anyChange = false;
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_recipient set state = ?, last_error = ? where outbox_id = ? and position = ?")) {
            for (int i = 0; i < applied.length; i++) {
                if (!applied[i]) {
                    continue;
                }
                MailUpdate u = outcomes.get(i).update();
                for (var e : u.recipients().entrySet()) {
                    ps.setString(1, e.getValue().state().id());
                    ps.setString(2, clip(e.getValue().error()));
                    ps.setLong(3, u.id());
                    ps.setInt(4, e.getKey());
                    ps.addBatch();
                    anyChange = true;
                }
            }
            if (anyChange) {
                ps.executeBatch();
            }
        }
    }

    private static void ledger(Connection c, List<Outcome> outcomes, boolean[] applied) throws SQLException {
        record Row(long id, MailUpdate.LedgerEntry entry, Instant at) {}
        List<Row> ledger = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            if (applied[i]) {
                Outcome o = outcomes.get(i);
                o.update().ledger().forEach(e -> ledger.add(new Row(o.update().id(), e, o.at())));
            }
        }
        for (int from = 0; from < ledger.size(); from += LEDGER_ROWS) {
            List<Row> rows = ledger.subList(from, Math.min(ledger.size(), from + LEDGER_ROWS));
            try (PreparedStatement ps = c.prepareStatement("insert into sent_ledger (outbox_id, address, is_list, sent_at) values "
                    + OutboxRows.placeholders(rows.size(), "(?, ?, ?, ?)"))) {
                int i = 1;
                for (Row r : rows) {
                    ps.setLong(i++, r.id());
                    ps.setString(i++, r.entry().address().toLowerCase(Locale.ROOT));
                    ps.setBoolean(i++, r.entry().list());
                    ps.setObject(i++, ts(r.at()));
                }
                ps.executeUpdate();
            }
        }
    }
}

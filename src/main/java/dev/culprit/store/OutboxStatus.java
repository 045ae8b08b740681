package dev.culprit.store;

import static dev.culprit.store.OutboxRows.clip;
import static dev.culprit.store.OutboxRows.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the outbox stands, for the operator and the metrics: counts per state, mails by state or
 * key, and the setup problem that pauses delivery.
 */
public final class OutboxStatus {
    private static final String SETUP_PROBLEM = "'setup-problem'";

    private final Database db;
    private final Clock clock;

    public OutboxStatus(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Counts per state, the oldest unsent mail and any setup problem. */
    public OutboxSummary summary() throws StoreException {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("select state, count(*) from outbox group by state");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(OutboxState.of(rs.getString(1)), rs.getLong(2));
                }
            }
            Instant oldest;
            try (PreparedStatement ps = c.prepareStatement("select min(created_at) from outbox where state in ("
                    + OutboxState.PENDING.sql() + ", " + OutboxState.SENDING.sql() + ")");
                    ResultSet rs = ps.executeQuery()) {
                oldest = rs.next() ? instant(rs, 1) : null;
            }
            return new OutboxSummary(counts, Optional.ofNullable(oldest), setupProblem());
        } catch (SQLException e) {
            throw new StoreException("cannot count the outbox: " + e.getMessage(), e);
        }
    }

    /** Mails in one state, oldest first, at most {@code limit}. */
    public List<OutboxMail> inState(OutboxState state, int limit) throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "select id from outbox where state = ? order by created_at, id fetch first ? rows only")) {
            ps.setString(1, state.id());
            ps.setInt(2, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.isEmpty() ? List.of() : OutboxRows.load(c, ids);
        } catch (SQLException e) {
            throw new StoreException("cannot list " + state.id() + " mails: " + e.getMessage(), e);
        }
    }

    /** One mail by its result key's short id (the first 24 hex of its SHA-256), if stored. */
    public Optional<OutboxMail> find(String shortId) throws StoreException {
        try (Connection c = db.connection()) {
            List<Long> ids = OutboxRows.idsByKeyPrefix(c, OutboxRows.hexOnly(shortId));
            return ids.size() == 1 ? OutboxRows.load(c, ids).stream().findFirst() : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read mail " + shortId + ": " + e.getMessage(), e);
        }
    }

    /** Records a setup problem that pauses delivery until {@code retryAt}. */
    public void setSetupProblem(String text, Instant retryAt) throws StoreException {
        Instant now = clock.instant();
        Optional<SetupProblem> old = setupProblem();
        OutboxRows.update(db, "delete from delivery_status where name = " + SETUP_PROBLEM);
        OutboxRows.update(db, "insert into delivery_status (name, text_value, until_at, updated_at)"
                + " values (" + SETUP_PROBLEM + ", ?, ?, ?)", clip(text), retryAt, old.map(SetupProblem::since).orElse(now));
    }

    public void clearSetupProblem() throws StoreException {
        OutboxRows.update(db, "delete from delivery_status where name = " + SETUP_PROBLEM);
    }

    public Optional<SetupProblem> setupProblem() throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "select text_value, updated_at, until_at from delivery_status where name = " + SETUP_PROBLEM);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new SetupProblem(rs.getString(1), instant(rs, 2), instant(rs, 3))) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the delivery status: " + e.getMessage(), e);
        }
    }
}

package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;

import dev.culprit.model.ResultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest delivery errors the outbox keeps: mails waiting for a retry or given up, with the
 * server's last reply. Read through the index by state, never the whole outbox.
 */
public final class DeliveryErrors {
    private final Database db;

    public DeliveryErrors(Database db) {
        this.db = db;
    }

    /** A mail whose last delivery attempt failed. */
    public record Failure(String shortId, OutboxState state, int attempts, Instant at, String error) {}

    /** Up to {@code limit} of them, the latest first. */
    public List<Failure> latest(int limit) throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select result_key, state, attempts, updated_at, last_error from outbox where state in ("
                        + OutboxState.PENDING.sql() + ", " + OutboxState.SENDING.sql() + ", " + OutboxState.FAILED.sql()
                        + ") and last_error is not null order by updated_at desc, id desc fetch first ? rows only")) {
            ps.setInt(1, limit);
            List<Failure> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Failure(new ResultKey(rs.getString(1)).shortId(), OutboxState.of(rs.getString(2)), rs.getInt(3),
                            instant(rs, 4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the delivery errors: " + e.getMessage(), e);
        }
    }
}

package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;

import dev.culprit.model.Label;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the precision page reads: when each culprit was mailed, and every labelled result with
 * the gate's verdict on it and its label in force.
 */
public final class LabelHistory {
    private final Database db;

    public LabelHistory(Database db) {
        this.db = db;
    }

    /**
     * A labelled result.
     *
     * @param verdict the gate's verdict id ({@code mail}, {@code moderate}, {@code skip})
     * @param sentAt when its mail went out, or null when it was not sent
     * @param right whether the label in force says its culprit was right
     */
    public record Judged(String verdict, Instant sentAt, boolean right) {}

    /** When each mailed culprit (cause results whose mail went out) was sent, oldest first. */
    public List<Instant> mailedTimes() throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select o.sent_at from outbox o"
                + " join result_fact f on f.outbox_id = o.id where o.sent_at is not null order by o.sent_at");
                ResultSet rs = ps.executeQuery()) {
            List<Instant> out = new ArrayList<>();
            while (rs.next()) {
                out.add(instant(rs, 1));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read when culprits were mailed: " + e.getMessage(), e);
        }
    }

    /** Every result with a label in force, by its row. */
    public List<Judged> judged() throws StoreException {
        try (Connection c = db.connection()) {
            Map<Long, List<Label>> labels = Labels.read(c, "select l.outbox_id, l.label, l.culprit, l.source, l.evidence,"
                    + " l.labelled_at from result_label l order by l.outbox_id, l.labelled_at, l.id");
            List<Judged> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select o.id, o.verdict, o.sent_at from outbox o"
                    + " where o.id in (select outbox_id from result_label) order by o.id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Optional<Label> l = Label.inForce(labels.getOrDefault(rs.getLong(1), List.of()));
                    if (l.isPresent()) {
                        out.add(new Judged(rs.getString(2), instant(rs, 3), l.get().value() == Label.Value.RIGHT));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the labelled results: " + e.getMessage(), e);
        }
    }
}

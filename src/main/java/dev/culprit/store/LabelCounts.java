package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;

import dev.culprit.model.Label;
import dev.culprit.model.MailedResult;
import dev.culprit.model.Precision;
import dev.culprit.model.ResultKey;
import dev.culprit.model.TrackRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The culprits this bot mailed (cause bisections whose mail went out, retracted ones included)
 * and what their labels say: the precision and the track record of landed fixes.
 */
public final class LabelCounts {
    private static final String MAILED = "select o.id, o.result_key, o.message_id, f.culprit, f.culprit_title, f.reported_by,"
            + " f.links, o.sent_at from outbox o join result_fact f on f.outbox_id = o.id where o.sent_at is not null";

    private final Database db;

    public LabelCounts(Database db) {
        this.db = db;
    }

    /** Every mailed culprit, oldest mail first. */
    public List<MailedResult> mailedCulprits() throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(MAILED + " order by o.sent_at, o.id");
                ResultSet rs = ps.executeQuery()) {
            List<MailedResult> out = new ArrayList<>();
            while (rs.next()) {
                String links = rs.getString(7);
                out.add(new MailedResult(rs.getLong(1), new ResultKey(rs.getString(2)).shortId(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), links.isEmpty() ? List.of() : Arrays.asList(links.split("\n")),
                        instant(rs, 8)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the mailed culprits: " + e.getMessage(), e);
        }
    }

    /** When the oldest culprit was mailed, if any was. */
    public Optional<Instant> oldestMailed() throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select min(o.sent_at) from outbox o join result_fact f on f.outbox_id = o.id");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the mailed culprits: " + e.getMessage(), e);
        }
    }

    /** The precision over the culprits mailed after {@code since}, or over all when null. */
    public Precision precision(Instant since) throws StoreException {
        String where = since == null ? "" : " and o.sent_at > ?";
        Object[] args = since == null ? new Object[0] : new Object[] {since};
        try (Connection c = db.connection()) {
            long mailed;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from outbox o join result_fact f on f.outbox_id = o.id"
                    + " where o.sent_at is not null" + where)) {
                OutboxRows.bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    mailed = rs.getLong(1);
                }
            }
            Map<Long, List<Label>> labels = Labels.read(c, "select l.outbox_id, l.label, l.culprit, l.source, l.evidence,"
                    + " l.labelled_at from result_label l join outbox o on o.id = l.outbox_id join result_fact f"
                    + " on f.outbox_id = o.id where o.sent_at is not null" + where + " order by l.outbox_id, l.labelled_at, l.id", args);
            long right = labels.values().stream().map(Label::inForce).flatMap(Optional::stream)
                    .filter(l -> l.value() == Label.Value.RIGHT).count();
            return new Precision(mailed, labels.size(), right, labels.size() - right);
        } catch (SQLException e) {
            throw new StoreException("cannot count the labels: " + e.getMessage(), e);
        }
    }

    /**
     * The mailed culprits whose fix has landed, each judged by its latest fix label; operators'
     * and replies' labels do not count here.
     */
    public TrackRecord trackRecord() throws StoreException {
        try (Connection c = db.connection()) {
            Map<Long, List<Label>> labels = Labels.read(c, "select l.outbox_id, l.label, l.culprit, l.source, l.evidence,"
                    + " l.labelled_at from result_label l join outbox o on o.id = l.outbox_id join result_fact f"
                    + " on f.outbox_id = o.id where o.sent_at is not null and l.source = 'fix'"
                    + " order by l.outbox_id, l.labelled_at, l.id");
            int right = (int) labels.values().stream().map(Label::inForce).flatMap(Optional::stream)
                    .filter(l -> l.value() == Label.Value.RIGHT).count();
            return new TrackRecord(labels.size(), right);
        } catch (SQLException e) {
            throw new StoreException("cannot count the labels of landed fixes: " + e.getMessage(), e);
        }
    }

    /** The last commit the fix-history scan read on a ref, if it read one. */
    public Optional<String> lastSeen(String ref) throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select last_seen from learn_scan where ref_name = ?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read where the fix scan stopped: " + e.getMessage(), e);
        }
    }

    /** Remembers the last commit read on a ref. */
    public void remember(String ref, String commit, Instant now) throws StoreException {
        String update = "update learn_scan set last_seen = ?, scanned_at = ? where ref_name = ?";
        try {
            try {
                db.inTransaction(c -> {
                    if (OutboxRows.update(c, update, commit, now, ref) == 0) {
                        OutboxRows.update(c, "insert into learn_scan (ref_name, last_seen, scanned_at) values (?, ?, ?)", ref, commit, now);
                    }
                    return null;
                });
            } catch (SQLException e) {
                if (!Intake.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // another instance remembered the ref at the same moment
                db.inTransaction(c -> OutboxRows.update(c, update, commit, now, ref));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot remember where the fix scan stopped: " + e.getMessage(), e);
        }
    }
}

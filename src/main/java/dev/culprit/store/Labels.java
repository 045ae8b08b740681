package dev.culprit.store;

import static dev.culprit.store.OutboxRows.clip;
import static dev.culprit.store.OutboxRows.instant;
import static dev.culprit.store.OutboxRows.ts;

import dev.culprit.model.Label;
import dev.culprit.model.ResultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of results: every one kept, none removed by retention; the one in force is chosen
 * when read ({@link Label#inForce}). Landed fixes label a result once per fix, however often
 * the history is read and on however many instances.
 */
public final class Labels {
    private static final String SELECT = "select l.outbox_id, l.label, l.culprit, l.source, l.evidence, l.labelled_at"
            + " from result_label l";

    private final Database db;

    public Labels(Database db) {
        this.db = db;
    }

    /**
     * Labels the result with this key (its short id or a longer prefix of it), as an operator or a
     * reply does.
     *
     * @return the result's short id
     * @throws LabelRefused when no single result has that key, or it is not a cause bisection's culprit
     */
    public String label(String key, Label label) throws StoreException, LabelRefused {
        try {
            return db.inTransaction(c -> {
                long id = resultId(c, key);
                insert(c, id, label, null);
                return shortKey(c, id);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot label result " + key + ": " + e.getMessage(), e);
        }
    }

    private static long resultId(Connection c, String key) throws SQLException, LabelRefused {
        String hex = OutboxRows.hexOnly(key);
        if (hex.length() < 8) {
            throw new LabelRefused("result key " + key + ": give at least 8 hex digits (X-Culprit-Key of the mail)");
        }
        List<Long> ids = OutboxRows.idsByKeyPrefix(c, hex);
        if (ids.size() != 1) {
            throw new LabelRefused(ids.isEmpty() ? "no result with key " + key : "result key " + key + " is ambiguous: "
                    + ids.size() + " results start with it");
        }
        long id = ids.get(0);
        try (PreparedStatement ps = c.prepareStatement(
                "select o.result_key, f.outbox_id from outbox o left join result_fact f on f.outbox_id = o.id where o.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String resultKey = rs.getString(1);
                if (rs.getObject(2) == null && !resultKey.startsWith("cause|culprit|")) {
                    throw new LabelRefused("result " + key + " is no cause bisection's culprit (" + resultKey.split("\\|")[0]
                            + "): only a cause bisection's culprit is right or wrong");
                }
            }
        }
        return id;
    }

    /**
     * Stores a landed fix's label unless the same fix (by its fingerprint) labelled this result
     * before.
     *
     * @return whether the label is new
     */
    public boolean addFix(long resultId, Label label, String fixKey) throws StoreException {
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("select 1 from result_label where outbox_id = ? and fix_key = ?")) {
                    ps.setLong(1, resultId);
                    ps.setString(2, fixKey);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
                insert(c, resultId, label, fixKey);
                return true;
            });
        } catch (SQLException e) {
            if (Intake.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // another instance stored it at the same moment
            }
            throw new StoreException("cannot store the label of fix " + fixKey + ": " + e.getMessage(), e);
        }
    }

    /** Inserts one label in the caller's transaction (a retraction writes its wrong label so). */
    static void insert(Connection c, long resultId, Label label, String fixKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into result_label (outbox_id, label, culprit, source, evidence, fix_key, labelled_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, resultId);
            ps.setString(2, label.value().id());
            ps.setString(3, label.culprit());
            ps.setString(4, label.source().id());
            ps.setString(5, clip(label.evidence()));
            ps.setString(6, fixKey);
            ps.setObject(7, ts(label.at()));
            ps.executeUpdate();
        }
    }

    /** Every labelled result with all its labels, oldest result first. */
    public List<ResultLabels> all() throws StoreException {
        try (Connection c = db.connection()) {
            Map<Long, List<Label>> labels = read(c, SELECT + " order by l.outbox_id, l.labelled_at, l.id");
            List<ResultLabels> out = new ArrayList<>();
            if (labels.isEmpty()) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("select o.id, o.result_key, f.culprit from outbox o"
                    + " left join result_fact f on f.outbox_id = o.id where o.id in (select outbox_id from result_label)"
                    + " order by o.id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ResultKey key = new ResultKey(rs.getString(2));
                    out.add(new ResultLabels(key.value(), key.shortId(), rs.getString(3), labels.get(rs.getLong(1))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the labels: " + e.getMessage(), e);
        }
    }

    /** The labels of one result, oldest first. */
    public List<Label> of(long resultId) throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                SELECT + " where l.outbox_id = ? order by l.labelled_at, l.id")) {
            ps.setLong(1, resultId);
            try (ResultSet rs = ps.executeQuery()) {
                return collect(rs).getOrDefault(resultId, List.of());
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the labels of result " + resultId + ": " + e.getMessage(), e);
        }
    }

    static Map<Long, List<Label>> read(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            OutboxRows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return collect(rs);
            }
        }
    }

    private static Map<Long, List<Label>> collect(ResultSet rs) throws SQLException {
        Map<Long, List<Label>> out = new LinkedHashMap<>();
        while (rs.next()) {
            Label l = new Label(Label.Value.of(rs.getString(2)), rs.getString(3), Label.Source.of(rs.getString(4)),
                    rs.getString(5), instant(rs, 6));
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(l);
        }
        return out;
    }

    private static String shortKey(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select result_key from outbox where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ResultKey(rs.getString(1)).shortId();
            }
        }
    }

    /** A result's id by its key, if stored. */
    public Optional<Long> idOf(ResultKey key) throws StoreException {
        try (Connection c = db.connection()) {
            return OutboxRows.idOf(c, key);
        } catch (SQLException e) {
            throw new StoreException("cannot read result " + key.shortId() + ": " + e.getMessage(), e);
        }
    }
}

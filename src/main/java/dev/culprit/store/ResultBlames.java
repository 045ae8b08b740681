package dev.culprit.store;

import static dev.culprit.store.OutboxRows.ts;

import dev.culprit.assess.Blames;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Which commit each stored cause result blamed, for which crash: how often a commit was already
 * blamed for other crashes ({@code blamed-before}) counts only results stored before.
 */
public final class ResultBlames {
    private static final int MAX_CRASH = 4000;

    private final Database db;

    public ResultBlames(Database db) {
        this.db = db;
    }

    /**
     * How many stored results blamed {@code culprit} for a crash other than {@code crash} (a crash
     * that is not known counts as other).
     */
    public int others(String culprit, String crash) throws StoreException {
        String sql = crash == null ? "select count(*) from result_blame where culprit = ?"
                : "select count(*) from result_blame where culprit = ? and (crash is null or crash <> ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, culprit);
            if (crash != null) {
                ps.setString(2, clip(crash));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the results that blamed " + culprit + ": " + e.getMessage(), e);
        }
    }

    /** Records the culprit of a newly stored cause result, inside the transaction that stores it. */
    static void record(Connection c, PreparedMail mail, Instant now) throws SQLException {
        BisectionReport r = mail.report();
        String culprit = r == null ? null : Blames.culprit(r);
        if (culprit == null || culprit.length() > 64) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into result_blame (key_hash, culprit, crash, created_at) values (?, ?, ?, ?)")) {
            ps.setString(1, mail.key().sha256());
            ps.setString(2, culprit);
            ps.setString(3, clip(Blames.crash(r)));
            ps.setObject(4, ts(now));
            ps.executeUpdate();
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_CRASH ? s : s.substring(0, MAX_CRASH);
    }
}

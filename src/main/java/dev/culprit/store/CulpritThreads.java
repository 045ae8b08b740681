package dev.culprit.store;

import static dev.culprit.store.OutboxRows.ts;

import dev.culprit.assess.Blames;
import dev.culprit.model.CulpritThread;
import dev.culprit.model.PreparedMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread per culprit: the commit a cause result blamed is kept with its mail, in an indexed
 * column of the shared store, so that every instance finds the first mail a commit was blamed in.
 * Only a mail queued or sent starts a thread: a held, skipped or dropped one does not.
 */
public final class CulpritThreads {
    /** Other crashes named in a mail, at most. */
    static final int MAX_OTHERS = 20;

    private final Database db;

    public CulpritThreads(Database db) {
        this.db = db;
    }

    /**
     * The thread of {@code culprit}: the first mail queued or sent about it since {@code since},
     * and the crashes other results bisected to it (other than {@code crash}).
     */
    public CulpritThread find(String culprit, String crash, Instant since) throws StoreException {
        try (Connection c = db.connection()) {
            String first = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    select message_id from outbox
                    where culprit = ? and created_at >= ? and state in ('pending', 'sending', 'sent')
                    order by created_at, id
                    fetch first 1 rows only""")) {
                ps.setString(1, culprit);
                ps.setObject(2, ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        first = rs.getString(1);
                    }
                }
            }
            List<String> others = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select distinct crash from result_blame
                    where culprit = ? and crash is not null and crash <> ?
                    order by crash
                    fetch first %d rows only""".formatted(MAX_OTHERS))) {
                ps.setString(1, culprit);
                ps.setString(2, crash == null ? "" : crash);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        others.add(rs.getString(1));
                    }
                }
            }
            return new CulpritThread(first, others);
        } catch (SQLException e) {
            throw new StoreException("cannot find the thread of culprit " + culprit + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the blamed commit with a newly stored mail, inside the transaction that stores it. */
    static void record(Connection c, long id, PreparedMail mail) throws SQLException {
        String culprit = mail.report() == null ? null : Blames.culprit(mail.report());
        if (culprit == null || culprit.length() > 64) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update outbox set culprit = ? where id = ?")) {
            ps.setString(1, culprit);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }
}

package dev.culprit.store;

import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Results put straight into the outbox for tests of what replies do to them: sent, held or pending, with recipients. */
public final class StoredResults {
    private StoredResults() {
    }

    /**
     * Stores a result in {@code state}; when sent, every recipient received it.
     *
     * @return its outbox row
     */
    public static long store(Database db, ResultKey key, String messageId, String subject, OutboxState state,
            List<Recipient> recipients, Instant now) throws SQLException {
        return db.inTransaction(c -> {
            long id = OutboxRows.insert(c, new OutboxRows.NewMail(key, messageId, "test.log", subject, Verdict.MAIL, state,
                    ("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8), recipients), now);
            String[] parts = key.value().split("\\|");
            OutboxRows.update(c, "update outbox set culprit = ? where id = ?", parts[parts.length - 1], id);
            if (state == OutboxState.SENT) {
                OutboxRows.update(c, "update outbox set sent_at = ? where id = ?", now, id);
                OutboxRows.update(c, "update outbox_recipient set state = 'sent' where outbox_id = ?", id);
            }
            if (state == OutboxState.HELD) {
                OutboxRows.update(c, "insert into held_result (outbox_id, outcome, culprit, crash_title, score, reasons,"
                        + " held_at) values (?, 'culprit', ?, 'KASAN', 0.05, 'release commit', ?)", id,
                        parts[parts.length - 1], now);
            }
            return id;
        });
    }

    /** Marks a stored result sent to every recipient, as delivery does. */
    public static void markSent(Database db, ResultKey key, Instant now) throws SQLException {
        db.inTransaction(c -> {
            long id = OutboxRows.idOf(c, key).orElseThrow();
            OutboxRows.update(c, "update outbox set state = 'sent', sent_at = ? where id = ?", now, id);
            OutboxRows.update(c, "update outbox_recipient set state = 'sent' where outbox_id = ?", id);
            return id;
        });
    }

    /** The keys of the outbox rows, oldest first. */
    public static List<String> keys(Database db) throws SQLException {
        return column(db, "select result_key from outbox order by id");
    }

    /** One column of a query's rows, as text. */
    public static List<String> column(Database db, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            OutboxRows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The state of the row with this key. */
    public static OutboxState state(Database db, ResultKey key) throws SQLException {
        return OutboxState.of(column(db, "select state from outbox where key_hash = ?", key.sha256()).get(0));
    }
}

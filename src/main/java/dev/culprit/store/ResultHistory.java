package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;

import dev.culprit.model.ResultKey;
import dev.culprit.store.HistoryEvent.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One result's history, oldest first: composed when asked from what the store keeps anyway (the
 * processed logs, the outbox and its recipients, the held results, the moderators' decisions, the
 * record of replies and the labels), so no fact is written twice. {@code culprit history} prints
 * it; the status page reads it too.
 */
public final class ResultHistory {
    private static final String SELECT = "select id, result_key, key_hash, message_id, source, subject, verdict, state,"
            + " created_at, updated_at, sent_at, last_error, culprit from outbox where ";

    private final Database db;

    public ResultHistory(Database db) {
        this.db = db;
    }

    /**
     * A result's history.
     *
     * @param resultKey the full result key
     * @param shortKey its short id, as the commands print it
     * @param state where its mail stands ({@code sent}, {@code held}, {@code retracted}, ...)
     * @param events every event, oldest first
     */
    public record History(String resultKey, String shortKey, String state, List<HistoryEvent> events) {
        public History {
            events = List.copyOf(events);
        }
    }

    /** A result's outbox row, as the history reads it. */
    record Row(long id, String resultKey, String keyHash, String messageId, String source, String subject, String verdict,
            OutboxState state, Instant createdAt, Instant updatedAt, Instant sentAt, String lastError, String culprit) {
    }

    /**
     * The history of the result with this key: its short id or any prefix of at least
     * {@value Moderation#MIN_KEY_DIGITS} hex digits. The key of another mail about it (its
     * retraction, moderation notice, an answer to a reply about it) gives the result's history too.
     *
     * @throws ModerationException when no single result has that key
     */
    public History of(String key) throws StoreException, ModerationException {
        try (Connection c = db.connection()) {
            Row row = find(c, key);
            List<HistoryEvent> events = new ArrayList<>();
            HistoryReads.intake(c, row, events);
            List<ReplyRecords.Reply> replies = ReplyRecords.about(c, row.keyHash());
            HistoryReads.moderation(c, row, replies, events);
            HistoryReads.delivery(c, row, events);
            for (ReplyRecords.Reply r : replies) {
                events.add(HistoryReads.reply(r));
                HistoryReads.replyMails(c, row, r, events);
            }
            HistoryReads.labels(c, row, events);
            events.sort(Comparator.comparing(HistoryEvent::at).thenComparing(HistoryEvent::kind));
            return new History(row.resultKey(), new ResultKey(row.resultKey()).shortId(), row.state().id(), events);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of result " + key + ": " + e.getMessage(), e);
        }
    }

    private static Row find(Connection c, String key) throws SQLException, ModerationException {
        String hex = OutboxRows.hexOnly(key == null ? "" : key);
        if (hex.length() < Moderation.MIN_KEY_DIGITS || hex.length() != key.strip().length()) {
            throw new ModerationException("not a result key: \"" + key + "\" (give at least " + Moderation.MIN_KEY_DIGITS
                    + " hex digits of the key the mail's X-Culprit-Key header or culprit held prints)");
        }
        Set<String> results = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select result_key from outbox where key_hash like ? order by id")) {
            ps.setString(1, hex + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.add(new ResultKey(RepliedResults.resultKeyOf(rs.getString(1))).sha256());
                }
            }
        }
        if (results.isEmpty()) {
            throw new ModerationException("no result with key " + hex);
        }
        if (results.size() > 1) {
            throw new ModerationException("key " + hex + " matches " + results.size() + " results; give more digits");
        }
        Row row = row(c, results.iterator().next());
        if (row == null) {
            throw new ModerationException("no result with key " + hex + " (only mails about a result that is gone)");
        }
        return row;
    }

    private static Row row(Connection c, String keyHash) throws SQLException {
        return row(c, "key_hash = ?", keyHash);
    }

    /** The row of another mail about the result (its notice or retraction), or null. */
    static Row mail(Connection c, long id) throws SQLException {
        return row(c, "id = ?", id);
    }

    private static Row row(Connection c, String where, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), OutboxState.of(rs.getString(8)), instant(rs, 9), instant(rs, 10), instant(rs, 11),
                rs.getString(12), rs.getString(13));
    }

    /** Name to text, in order, for an event's fields. */
    static Map<String, String> fields(String... nameValue) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            out.put(nameValue[i], nameValue[i + 1]);
        }
        return out;
    }
}

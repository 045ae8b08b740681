package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.culprit.model.Label;
import dev.culprit.model.ResultKey;
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
 * What the store keeps about one result, for its status page: the row, what the log said, why it
 * was held, its recipients, the mails sent about it and its labels ({@link ResultHistory} tells
 * the events). Found by its short key (or a prefix of at least 8 hex digits) through the unique index
 * on the key's hash.
 */
public final class ResultRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public ResultRecord(Database db) {
        this.db = db;
    }

    /**
     * One result.
     *
     * @param summary what the log said, as recorded at intake; empty for results stored before
     * @param held why it was held, when it was
     * @param mails the result's own mail first, then the notices and corrections sent about it
     */
    public record Details(long id, String resultKey, String shortId, String source, String subject, String verdict,
            OutboxState state, Instant createdAt, Instant sentAt, String crashTitle, String culprit,
            Optional<Map<String, Object>> summary, Optional<Held> held, List<OutboxRecipient> recipients, List<Mail> mails,
            List<Label> labels, List<String> links) {
        public Details {
            links = List.copyOf(links);
            recipients = List.copyOf(recipients);
            mails = List.copyOf(mails);
            labels = List.copyOf(labels);
        }
    }

    /** Why a result was held. */
    public record Held(Instant at, double score, List<String> reasons) {}

    /** A mail in the outbox about the result: {@code result}, {@code notice} or {@code correction}. */
    public record Mail(String kind, String messageId, OutboxState state, Instant createdAt, Instant sentAt, int attempts,
            String lastError) {}

    /**
     * The result whose key's hash starts with these hex digits; empty when none or more than one
     * result does, or when the row is a notice or a correction rather than a result.
     */
    public Optional<Details> find(String hexPrefix) throws StoreException {
        try (Connection c = db.connection()) {
            Optional<Long> id = byPrefix(c, hexPrefix);
            return id.isEmpty() ? Optional.empty() : details(c, id.get());
        } catch (SQLException e) {
            throw new StoreException("cannot read result " + hexPrefix + ": " + e.getMessage(), e);
        }
    }

    /** A range on the unique index (hex digits sort below {@code g} in every collation), two rows at most. */
    private static Optional<Long> byPrefix(Connection c, String hexPrefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select o.id from outbox o join result_summary s on s.outbox_id = o.id"
                + " where o.key_hash between ? and ? fetch first 2 rows only")) {
            ps.setString(1, hexPrefix);
            ps.setString(2, hexPrefix + "g");
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
        }
    }

    private static Optional<Details> details(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select o.result_key, o.source, o.subject, o.verdict, o.state, o.created_at, o.sent_at,
                    s.crash_title, s.culprit, s.summary, o.message_id, o.attempts, o.last_error
                from outbox o join result_summary s on s.outbox_id = o.id where o.id = ?""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String key = rs.getString(1);
                OutboxState state = OutboxState.of(rs.getString(5));
                List<Mail> mails = new ArrayList<>();
                mails.add(new Mail("result", rs.getString(11), state, instant(rs, 6), instant(rs, 7), rs.getInt(12),
                        rs.getString(13)));
                mails.addAll(related(c, id));
                return Optional.of(new Details(id, key, new ResultKey(key).shortId(), rs.getString(2),
                        rs.getString(3), rs.getString(4), state, instant(rs, 6), instant(rs, 7), rs.getString(8),
                        rs.getString(9), summary(rs.getString(10)), held(c, id), OutboxRows.load(c, List.of(id)).stream()
                                .findFirst().map(OutboxMail::recipients).orElse(List.of()),
                        mails, Labels.read(c, "select l.outbox_id, l.label, l.culprit, l.source, l.evidence,"
                                + " l.labelled_at from result_label l where l.outbox_id = ? order by l.labelled_at, l.id", id)
                                .getOrDefault(id, List.of()), links(c, id)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> summary(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, Map.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Held> held(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select held_at, score, reasons from held_result where outbox_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String reasons = rs.getString(3);
                return Optional.of(new Held(instant(rs, 1), rs.getDouble(2),
                        reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n"))));
            }
        }
    }

    /** The notice about the held result and the corrections of a retraction, oldest first. */
    private static List<Mail> related(Connection c, long id) throws SQLException {
        List<Mail> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select 'notice', n.message_id, n.state, n.created_at, n.sent_at, n.attempts, n.last_error, n.id
                from held_result h join outbox n on n.id = h.notice_id where h.outbox_id = ?
                union all
                select 'correction', n.message_id, n.state, n.created_at, n.sent_at, n.attempts, n.last_error, n.id
                from moderation_decision d join outbox n on n.id = d.correction_id where d.outbox_id = ?
                order by 8""")) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Mail(rs.getString(1), rs.getString(2), OutboxState.of(rs.getString(3)), instant(rs, 4),
                            instant(rs, 5), rs.getInt(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The links the result's sidecar gave (bug reports, dashboards), as stored for landed fixes. */
    private static List<String> links(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select links from result_fact where outbox_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                String links = rs.next() ? rs.getString(1) : null;
                return links == null || links.isEmpty() ? List.of() : Arrays.asList(links.split("\n"));
            }
        }
    }
}

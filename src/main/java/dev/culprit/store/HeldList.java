package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;
import static dev.culprit.store.OutboxState.HELD;

import dev.culprit.model.ResultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The held results for the status pages, oldest first, a page at a time, with only what the page
 * shows: no message, no log name, no recipient's reasons. Paged by key (the row id, which orders
 * held mails as their time of holding does), so the last page costs what the first does.
 * {@link Moderation#held()} reads every held mail whole, for the commands that act on them.
 */
public final class HeldList {
    private final Database db;

    public HeldList(Database db) {
        this.db = db;
    }

    /**
     * One held result.
     *
     * @param id the outbox row, which orders the list and pages it
     * @param heldAt when it was held
     * @param outcome the bisection outcome id ({@code culprit}, {@code inconclusive}, ...)
     * @param culprit the culprit hash and title, or the candidate hashes; null when none
     * @param crashTitle the crash title; null when none
     * @param score the confidence score, NaN when not recorded
     * @param reasons why it was held, one sentence each
     * @param wouldGoTo the recipients it would still go to, in order
     * @param noticeMessageId the Message-ID of the notice sent to the moderators, or null
     */
    public record Row(long id, String shortId, Instant heldAt, String subject, String outcome, String culprit,
            String crashTitle, double score, List<String> reasons, List<Addressee> wouldGoTo, String noticeMessageId) {
        public Row {
            Objects.requireNonNull(shortId, "shortId");
            reasons = List.copyOf(reasons);
            wouldGoTo = List.copyOf(wouldGoTo);
        }

        Row withRecipients(List<Addressee> to) {
            return new Row(id, shortId, heldAt, subject, outcome, culprit, crashTitle, score, reasons, to, noticeMessageId);
        }
    }

    /** Up to {@code limit} held results stored after the row {@code after} (from the first when null), oldest first. */
    public List<Row> oldest(Long after, int limit) throws StoreException {
        try (Connection c = db.connection()) {
            List<Row> rows = OutboxRows.page(c, "select o.id, o.result_key, o.subject, o.created_at, h.held_at, h.outcome,"
                    + " h.culprit, h.crash_title, h.score, h.reasons, n.message_id from outbox o"
                    + " left join held_result h on h.outbox_id = o.id left join outbox n on n.id = h.notice_id",
                    "o.state = " + HELD.sql(), "o.id", false, after, limit, HeldList::row);
            Map<Long, List<Addressee>> to = OutboxRows.addressees(c, rows.stream().map(Row::id).toList(), true);
            return rows.stream().map(r -> r.withRecipients(to.getOrDefault(r.id(), List.of()))).toList();
        } catch (SQLException e) {
            throw new StoreException("cannot list the held results: " + e.getMessage(), e);
        }
    }

    /** A row as {@link #oldest} selects it, without recipients; a mail held before its reasons were kept has none. */
    private static Row row(ResultSet rs) throws SQLException {
        Instant heldAt = instant(rs, 5);
        String outcome = rs.getString(6);
        String reasons = rs.getString(10);
        return new Row(rs.getLong(1), new ResultKey(rs.getString(2)).shortId(), heldAt != null ? heldAt : instant(rs, 4),
                rs.getString(3), outcome != null ? outcome : Moderation.outcomeOf(rs.getString(2)), rs.getString(7),
                rs.getString(8), rs.getObject(9) == null ? Double.NaN : rs.getDouble(9),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")), List.of(),
                rs.getString(11));
    }

    /** How many results are held. */
    public long count() throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select count(*) from outbox where state = " + HELD.sql());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count the held results: " + e.getMessage(), e);
        }
    }
}

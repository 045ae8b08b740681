package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;

import dev.culprit.model.ResultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results for the status pages, newest first, a page at a time: only mails that came from a
 * log (notices, corrections and answers are not results). Paged by key (the row id), so the
 * thousandth page costs what the first does.
 */
public final class ResultList {
    private final Database db;

    public ResultList(Database db) {
        this.db = db;
    }

    /**
     * One result in the list.
     *
     * @param id the outbox row, which orders the list and pages it
     * @param crashTitle the crash title, or null when not recorded
     * @param culprit the culprit hash and title, or the candidates, or null
     * @param recipients the addresses it goes or went to, in order
     */
    public record Row(long id, String shortId, Instant createdAt, String subject, String crashTitle, String culprit,
            String verdict, OutboxState state, List<String> recipients) {
        public Row {
            Objects.requireNonNull(shortId, "shortId");
            recipients = List.copyOf(recipients);
        }

        Row withRecipients(List<String> to) {
            return new Row(id, shortId, createdAt, subject, crashTitle, culprit, verdict, state, to);
        }
    }

    /**
     * Up to {@code limit} results stored before the row {@code before} (all when null), newest first.
     */
    public List<Row> latest(Long before, int limit) throws StoreException {
        try (Connection c = db.connection()) {
            List<Row> rows = OutboxRows.page(c, "select o.id, o.result_key, o.created_at, o.subject, s.crash_title, s.culprit,"
                    + " o.verdict, o.state from result_summary s join outbox o on o.id = s.outbox_id", null, "s.outbox_id", true,
                    before, limit, rs -> new Row(rs.getLong(1), new ResultKey(rs.getString(2)).shortId(), instant(rs, 3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), OutboxState.of(rs.getString(8)),
                            List.of()));
            Map<Long, List<Addressee>> to = OutboxRows.addressees(c, rows.stream().map(Row::id).toList(), false);
            return rows.stream().map(r -> r.withRecipients(to.getOrDefault(r.id(), List.of()).stream().map(Addressee::address)
                    .toList())).toList();
        } catch (SQLException e) {
            throw new StoreException("cannot list the results: " + e.getMessage(), e);
        }
    }

    /** How many results the store holds. */
    public long count() throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select count(*) from result_summary");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count the results: " + e.getMessage(), e);
        }
    }
}

package dev.culprit.store;

import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outbox's rows as the store's classes share them: a new mail inserted (row, message,
 * recipients), mails read back with their recipients, rows found by key, and the column
 * conversions (times in UTC, long texts clipped).
 */
final class OutboxRows {
    /** The longest error or reason text kept in a column. */
    static final int MAX_TEXT = 8000;

    private OutboxRows() {}

    /** A new outbox row: what {@link #insert} writes. */
    record NewMail(ResultKey key, String messageId, String source, String subject, Verdict verdict, OutboxState state,
            byte[] message, List<Recipient> recipients) {}

    /**
     * Inserts a mail, its message and its recipients (each pending); the unique key hash refuses a
     * second copy.
     *
     * @return the new row's id
     */
    static long insert(Connection c, NewMail mail, Instant now) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox (result_key, key_hash, message_id, source, subject, verdict, state,
                    attempts, next_attempt_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, mail.key().value());
            ps.setString(2, mail.key().sha256());
            ps.setString(3, mail.messageId());
            ps.setString(4, mail.source());
            ps.setString(5, mail.subject());
            ps.setString(6, mail.verdict().id());
            ps.setString(7, mail.state().id());
            ps.setObject(8, ts(now));
            ps.setObject(9, ts(now));
            ps.setObject(10, ts(now));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        insertMessage(c, id, mail.message());
        insertRecipients(c, id, mail.recipients());
        return id;
    }

    /** Stores the message of the mail with this id, apart from its row, which changes at every step. */
    private static void insertMessage(Connection c, long id, byte[] message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_message (outbox_id, message) values (?, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, message);
            ps.executeUpdate();
        }
    }

    /** The recipient rows of a new outbox row, in order, each {@code pending}. */
    private static void insertRecipients(Connection c, long id, List<Recipient> recipients) throws SQLException {
        if (recipients.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox_recipient (outbox_id, position, address, name, field, reasons, state, kind)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int pos = 0;
            for (Recipient r : recipients) {
                ps.setLong(1, id);
                ps.setInt(2, pos++);
                ps.setString(3, r.address());
                ps.setString(4, r.name());
                ps.setString(5, r.field().id());
                ps.setString(6, r.reasons().stream().map(s -> s.replace('\n', ' ')).collect(Collectors.joining("\n")));
                ps.setString(7, OutboxRecipient.State.PENDING.id());
                ps.setString(8, r.kind().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The mails with these ids, in the given order, recipients included. */
    static List<OutboxMail> load(Connection c, List<Long> ids) throws SQLException {
        String in = placeholders(ids.size(), "?");
        Map<Long, List<OutboxRecipient>> recipients = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select outbox_id, position, address, name, field, reasons, state, last_error, kind from outbox_recipient"
                        + " where outbox_id in ("
                        + in + ") order by outbox_id, position")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reasons = rs.getString(6);
                    Recipient r = new Recipient(rs.getString(3), rs.getString(4),
                            "to".equals(rs.getString(5)) ? Recipient.Field.TO : Recipient.Field.CC, Recipient.Kind.of(rs.getString(9)),
                            reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")));
                    recipients.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new OutboxRecipient(rs.getInt(2), r,
                            OutboxRecipient.State.of(rs.getString(7)), rs.getString(8)));
                }
            }
        }
        Map<Long, OutboxMail> byId = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select o.id, o.result_key, o.message_id, o.source, o.state, m.message, o.attempts, o.created_at, o.next_attempt_at,"
                        + " o.last_error from outbox o join outbox_message m on m.outbox_id = o.id where o.id in (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    byId.put(id, new OutboxMail(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            OutboxState.of(rs.getString(5)), rs.getBytes(6), recipients.getOrDefault(id, List.of()),
                            rs.getInt(7), instant(rs, 8), instant(rs, 9), rs.getString(10)));
                }
            }
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The row of the mail with this full key, if stored. */
    static Optional<Long> idOf(Connection c, ResultKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from outbox where key_hash = ?")) {
            ps.setString(1, key.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The rows whose key hash starts with these hex digits, by id. */
    static List<Long> idsByKeyPrefix(Connection c, String hexPrefix) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from outbox where key_hash like ? order by id")) {
            ps.setString(1, hexPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Runs an update with these arguments (times as UTC timestamps) and returns the rows changed. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs an update on a connection of its own (committed when it returns) and returns the rows changed. */
    static int update(Database db, String sql, Object... args) throws StoreException {
        try (Connection c = db.connection()) {
            return update(c, sql, args);
        } catch (SQLException e) {
            throw new StoreException("cannot update the outbox: " + e.getMessage(), e);
        }
    }

    /** Binds these arguments in order, times as UTC timestamps. */
    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setObject(i + 1, ts(t));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    /** Makes a value of the current row of a query's result. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * A page of a list paged by key (the lists of the status pages): the rows {@code select}
     * picks where {@code condition} holds, ordered by the column {@code key}, from the row after
     * {@code from} (from the first when null), {@code limit} at most. Each page costs what the
     * first does, however far down the list it starts.
     *
     * @param select the query without its {@code where}, {@code order by} and limit
     * @param condition what the listed rows meet, or null for every row
     * @param descending true for the list in descending order of {@code key} (the newest first)
     */
    static <T> List<T> page(Connection c, String select, String condition, String key, boolean descending, Long from,
            int limit, RowReader<T> reader) throws SQLException {
        List<String> where = new ArrayList<>();
        if (condition != null) {
            where.add(condition);
        }
        if (from != null) {
            where.add(key + (descending ? " < ?" : " > ?"));
        }
        String sql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by " + key
                + (descending ? " desc" : "") + " fetch first ? rows only";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (from != null) {
                bind(ps, from, limit);
            } else {
                bind(ps, limit);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    /**
     * The recipients of these rows, in order, as lists of results show them; with {@code pendingOnly},
     * only those a held or pending mail would still go to.
     */
    static Map<Long, List<Addressee>> addressees(Connection c, List<Long> ids, boolean pendingOnly) throws SQLException {
        Map<Long, List<Addressee>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select outbox_id, address, field from outbox_recipient where outbox_id in ("
                + placeholders(ids.size(), "?") + ")" + (pendingOnly ? " and state = '" + OutboxRecipient.State.PENDING.id() + "'" : "")
                + " order by outbox_id, position")) {
            bind(ps, ids.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Addressee(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** {@code n} copies of {@code one}, separated by commas. */
    static String placeholders(int n, String one) {
        return String.join(", ", Collections.nCopies(n, one));
    }

    static OffsetDateTime ts(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The text cut to {@link #MAX_TEXT} characters, ending in {@code ...} when cut. */
    static String clip(String s) {
        return clip(s, MAX_TEXT);
    }

    /** The text cut to {@code max} characters, ending in {@code ...} when cut. */
    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** A key prefix as typed, lower case, anything but hex digits left out. */
    static String hexOnly(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
    }
}

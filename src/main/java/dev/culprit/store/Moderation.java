package dev.culprit.store;

import dev.culprit.model.ResultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The moderator's side of the outbox: held mails and the notices about them, release, drop and
 * retraction. Each decision is one transaction that checks the mail's state under a row lock, so
 * a mail is released, dropped or retracted once, and never while delivery holds it.
 *
 * <p>Notices and corrections are outbox rows of their own, with their own key and Message-ID,
 * sent by the normal delivery. Their keys start with {@link #NOTICE_PREFIX} or
 * {@link #CORRECTION_PREFIX} followed by the key of the result they are about.
 */
public final class Moderation {
    /** Key prefix of a moderation notice. */
    public static final String NOTICE_PREFIX = "moderation-notice|";
    /** Key prefix of a correction (retraction) mail. */
    public static final String CORRECTION_PREFIX = "retraction|";
    /** The shortest key prefix the commands accept. */
    public static final int MIN_KEY_DIGITS = 8;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{" + MIN_KEY_DIGITS + ",64}");
    private static final int MAX_TEXT = 8000;

    private final Outbox outbox;
    private final Clock clock;

    public Moderation(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every held mail, oldest first. */
    public List<HeldMail> held() throws StoreException {
        return heldWhere("o.state = 'held'");
    }

    /** Held mails no notice was queued for yet, oldest first. */
    public List<HeldMail> heldWithoutNotice() throws StoreException {
        return heldWhere("o.state = 'held' and (h.notice_id is null)");
    }

    private List<HeldMail> heldWhere(String condition) throws StoreException {
        try (Connection c = outbox.database().connection()) {
            return held(c, condition, null);
        } catch (SQLException e) {
            throw new StoreException("cannot list held mails: " + e.getMessage(), e);
        }
    }

    private List<HeldMail> held(Connection c, String condition, Long onlyId) throws SQLException {
        String sql = """
                select o.id, o.result_key, o.message_id, o.source, o.subject, o.created_at,
                    h.outcome, h.culprit, h.crash_title, h.score, h.reasons, h.held_at, n.message_id
                from outbox o
                left join held_result h on h.outbox_id = o.id
                left join outbox n on n.id = h.notice_id
                where """ + " " + condition + (onlyId == null ? "" : " and o.id = ?") + " order by o.created_at, o.id";
        List<HeldMail> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (onlyId != null) {
                ps.setLong(1, onlyId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant heldAt = instant(rs, 12);
                    String outcome = rs.getString(7);
                    String reasons = rs.getString(11);
                    rows.add(new HeldMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            heldAt != null ? heldAt : instant(rs, 6), outcome != null ? outcome : outcomeOf(rs.getString(2)),
                            rs.getString(8), rs.getString(9), rs.getObject(10) == null ? Double.NaN : rs.getDouble(10),
                            reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                            List.of(), new byte[0], rs.getString(13)));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, OutboxMail> mails = new LinkedHashMap<>();
        for (OutboxMail m : outbox.load(c, rows.stream().map(HeldMail::id).toList())) {
            mails.put(m.id(), m);
        }
        return rows.stream().map(h -> new HeldMail(h.id(), h.resultKey(), h.messageId(), h.source(), h.subject(), h.heldAt(),
                h.outcome(), h.culprit(), h.crashTitle(), h.score(), h.reasons(),
                mails.containsKey(h.id()) ? mails.get(h.id()).recipients() : List.of(),
                mails.containsKey(h.id()) ? mails.get(h.id()).message() : new byte[0], h.noticeMessageId())).toList();
    }

    /** The outcome part of a result key ({@code type|outcome|title|commits}). */
    private static String outcomeOf(String key) {
        String[] parts = key.split("\\|", 3);
        return parts.length > 1 ? parts[1] : "unknown";
    }

    /**
     * Queues the notice about a held mail, in one transaction with the record that it was sent.
     *
     * @return false when a notice for it was queued before
     */
    public boolean queueNotice(long heldId, QueuedMail notice) throws StoreException {
        try (Connection c = outbox.database().connection()) {
            c.setAutoCommit(false);
            try {
                if (exists(c, notice.key())) {
                    c.rollback();
                    return false;
                }
                long id = insert(c, notice);
                try (PreparedStatement ps = c.prepareStatement(
                        "update held_result set notice_id = ? where outbox_id = ? and notice_id is null")) {
                    ps.setLong(1, id);
                    ps.setLong(2, heldId);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot queue the moderation notice " + notice.key().shortId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Releases a held mail: it becomes pending, due now, and goes through the normal delivery
     * with its caps and retries, keeping its Message-ID. Its delivery lifetime counts from now.
     */
    public HeldMail release(String key) throws StoreException, ModerationException {
        return decide(key, "release", null);
    }

    /** Drops a held mail: it is never sent, and the reason is kept. */
    public HeldMail drop(String key, String why) throws StoreException, ModerationException {
        if (why == null || why.isBlank()) {
            throw new ModerationException("a drop needs a reason (--why)");
        }
        return decide(key, "drop", why);
    }

    private HeldMail decide(String key, String decision, String why) throws StoreException, ModerationException {
        Instant now = clock.instant();
        try (Connection c = outbox.database().connection()) {
            c.setAutoCommit(false);
            try {
                Row row = lock(c, key);
                requireResult(row);
                if (!"held".equals(row.state)) {
                    throw new ModerationException("result " + row.shortId() + " is " + row.state + ", not held"
                            + ("sent".equals(row.state) ? "; a sent result can only be retracted (culprit retract)" : ""));
                }
                HeldMail before = held(c, "o.id = o.id", row.id).get(0);
                String sql = "release".equals(decision)
                        ? "update outbox set state = 'pending', attempts = 0, next_attempt_at = ?, last_error = null,"
                                + " created_at = ?, updated_at = ? where id = ? and state = 'held'"
                        : "update outbox set state = 'dropped', next_attempt_at = ?, last_error = ?, updated_at = ?"
                                + " where id = ? and state = 'held'";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, ts(now));
                    if ("release".equals(decision)) {
                        ps.setObject(2, ts(now));
                    } else {
                        ps.setString(2, clip("dropped by a moderator: " + why));
                    }
                    ps.setObject(3, ts(now));
                    ps.setLong(4, row.id);
                    ps.executeUpdate();
                }
                recordDecision(c, row.id, decision, why, null, null, now);
                // a notice not sent yet is moot once someone decided
                try (PreparedStatement ps = c.prepareStatement("""
                        update outbox set state = 'dropped', last_error = ?, updated_at = ?
                        where state = 'pending' and id = (select notice_id from held_result where outbox_id = ?)""")) {
                    ps.setString(1, "not sent: the held mail was " + ("release".equals(decision) ? "released" : "dropped") + " first");
                    ps.setObject(2, ts(now));
                    ps.setLong(3, row.id);
                    ps.executeUpdate();
                }
                c.commit();
                return before;
            } catch (SQLException | ModerationException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + decision + " result " + key + ": " + e.getMessage(), e);
        }
    }

    /** A sent result, to write its correction from. */
    public SentMail sent(String key) throws StoreException, ModerationException {
        try (Connection c = outbox.database().connection()) {
            Row row = find(c, key, false);
            requireResult(row);
            if (!"sent".equals(row.state)) {
                throw new ModerationException("result " + row.shortId() + " is " + row.state + ", not sent"
                        + ("held".equals(row.state) || "pending".equals(row.state) ? "; a result not sent yet is dropped, not retracted" : "")
                        + ("retracted".equals(row.state) ? " again: it was retracted before" : ""));
            }
            return sentMail(c, row);
        } catch (SQLException e) {
            throw new StoreException("cannot read result " + key + ": " + e.getMessage(), e);
        }
    }

    private SentMail sentMail(Connection c, Row row) throws SQLException {
        OutboxMail m = outbox.load(c, List.of(row.id)).get(0);
        List<OutboxRecipient> received = m.recipients().stream().filter(r -> r.state() == OutboxRecipient.State.SENT).toList();
        return new SentMail(row.id, row.resultKey, row.messageId, row.source, row.subject, row.sentAt, received);
    }

    /**
     * Retracts a sent result: it is marked retracted (so the same result is never mailed again,
     * whatever log it comes from next) and its correction is queued, in one transaction.
     *
     * @param original what {@link #sent} returned; refused when the mail changed since
     * @param correction the correction mail, threaded under the original
     * @return the outbox row of the correction
     */
    public long retract(SentMail original, String why, String newCulprit, QueuedMail correction)
            throws StoreException, ModerationException {
        if (why == null || why.isBlank()) {
            throw new ModerationException("a retraction needs a reason (--why)");
        }
        Instant now = clock.instant();
        try (Connection c = outbox.database().connection()) {
            c.setAutoCommit(false);
            try {
                Row row = lock(c, original.shortId());
                if (row.id != original.id() || !"sent".equals(row.state)) {
                    throw new ModerationException("result " + original.shortId() + " is " + row.state + ", not sent");
                }
                long id = insert(c, correction);
                try (PreparedStatement ps = c.prepareStatement(
                        "update outbox set state = 'retracted', last_error = ?, updated_at = ? where id = ? and state = 'sent'")) {
                    ps.setString(1, clip("retracted by a moderator: " + why));
                    ps.setObject(2, ts(now));
                    ps.setLong(3, row.id);
                    ps.executeUpdate();
                }
                recordDecision(c, row.id, "retract", why, newCulprit, id, now);
                c.commit();
                return id;
            } catch (SQLException | ModerationException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot retract result " + original.shortId() + ": " + e.getMessage(), e);
        }
    }

    /** Whether a result, by its full key, was retracted. */
    public boolean isRetracted(ResultKey key) throws StoreException {
        try (Connection c = outbox.database().connection();
                PreparedStatement ps = c.prepareStatement("select state from outbox where key_hash = ?")) {
            ps.setString(1, key.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "retracted".equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read result " + key.shortId() + ": " + e.getMessage(), e);
        }
    }

    private void recordDecision(Connection c, long id, String decision, String why, String newCulprit, Long correctionId,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into moderation_decision (outbox_id, decision, reason, new_culprit, correction_id, decided_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, id);
            ps.setString(2, decision);
            ps.setString(3, clip(why));
            ps.setString(4, newCulprit);
            ps.setObject(5, correctionId);
            ps.setObject(6, ts(now));
            ps.executeUpdate();
        }
    }

    private static void requireResult(Row row) throws ModerationException {
        if (row.resultKey.startsWith(NOTICE_PREFIX)) {
            throw new ModerationException(row.shortId() + " is a moderation notice, not a result");
        }
        if (row.resultKey.startsWith(CORRECTION_PREFIX)) {
            throw new ModerationException(row.shortId() + " is a correction mail, not a result");
        }
    }

    private record Row(long id, String resultKey, String messageId, String source, String subject, String state, Instant sentAt) {
        String shortId() {
            return new ResultKey(resultKey).shortId();
        }
    }

    private Row lock(Connection c, String key) throws SQLException, ModerationException {
        return find(c, key, true);
    }

    /** The one row whose key hash starts with {@code key}; locked for the transaction when asked. */
    private Row find(Connection c, String key, boolean forUpdate) throws SQLException, ModerationException {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(k).matches()) {
            throw new ModerationException("not a result key: \"" + key + "\" (give at least " + MIN_KEY_DIGITS
                    + " hex digits of the key `culprit held` prints, or of the mail's X-Culprit-Key header)");
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from outbox where key_hash like ? order by id")) {
            ps.setString(1, k + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new ModerationException("no result with key " + k);
        }
        if (ids.size() > 1) {
            throw new ModerationException("key " + k + " matches " + ids.size() + " results; give more digits");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select id, result_key, message_id, source, subject, state, sent_at from outbox where id = ?"
                        + (forUpdate ? " for update" : ""))) {
            ps.setLong(1, ids.get(0));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), instant(rs, 7));
            }
        }
    }

    private static boolean exists(Connection c, ResultKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from outbox where key_hash = ?")) {
            ps.setString(1, key.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts a pending mail and its recipients; the unique key hash refuses a second copy. */
    private long insert(Connection c, QueuedMail mail) throws SQLException {
        Instant now = clock.instant();
        long id;
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox (result_key, key_hash, message_id, source, subject, verdict, state,
                    attempts, next_attempt_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'mail', 'pending', 0, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, mail.key().value());
            ps.setString(2, mail.key().sha256());
            ps.setString(3, mail.messageId());
            ps.setString(4, mail.source());
            ps.setString(5, mail.subject());
            ps.setObject(6, ts(now));
            ps.setObject(7, ts(now));
            ps.setObject(8, ts(now));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        Outbox.insertMessage(c, id, mail.message());
        Outbox.insertRecipients(c, id, mail.recipients());
        return id;
    }

    private static OffsetDateTime ts(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 3) + "...";
    }
}

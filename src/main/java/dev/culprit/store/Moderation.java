package dev.culprit.store;

import static dev.culprit.store.OutboxRows.clip;
import static dev.culprit.store.OutboxRows.instant;
import static dev.culprit.store.OutboxRows.ts;
import static dev.culprit.store.OutboxState.HELD;
import static dev.culprit.store.OutboxState.PENDING;
import static dev.culprit.store.OutboxState.SENT;

import dev.culprit.model.Label;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
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

    private final Database db;
    private final Clock clock;

    public Moderation(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every held mail, oldest first. */
    public List<HeldMail> held() throws StoreException {
        return heldWhere("o.state = " + HELD.sql());
    }

    /** Held mails no notice was queued for yet, oldest first. */
    public List<HeldMail> heldWithoutNotice() throws StoreException {
        return heldWhere("o.state = " + HELD.sql() + " and (h.notice_id is null)");
    }

    private List<HeldMail> heldWhere(String condition) throws StoreException {
        try (Connection c = db.connection()) {
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
                    rows.add(heldRow(rs));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, OutboxMail> mails = new LinkedHashMap<>();
        for (OutboxMail m : OutboxRows.load(c, rows.stream().map(HeldMail::id).toList())) {
            mails.put(m.id(), m);
        }
        return rows.stream().map(h -> new HeldMail(h.id(), h.resultKey(), h.messageId(), h.source(), h.subject(), h.heldAt(),
                h.outcome(), h.culprit(), h.crashTitle(), h.score(), h.reasons(),
                mails.containsKey(h.id()) ? mails.get(h.id()).recipients() : List.of(),
                mails.containsKey(h.id()) ? mails.get(h.id()).message() : new byte[0], h.noticeMessageId())).toList();
    }

    /** A held mail's row as {@link #held(Connection, String, Long)} selects it, without recipients and message. */
    private static HeldMail heldRow(ResultSet rs) throws SQLException {
        Instant heldAt = instant(rs, 12);
        String outcome = rs.getString(7);
        String reasons = rs.getString(11);
        return new HeldMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                heldAt != null ? heldAt : instant(rs, 6), outcome != null ? outcome : outcomeOf(rs.getString(2)),
                rs.getString(8), rs.getString(9), rs.getObject(10) == null ? Double.NaN : rs.getDouble(10),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                List.of(), new byte[0], rs.getString(13));
    }

    /** The outcome part of a result key ({@code type|outcome|title|commits}). */
    static String outcomeOf(String key) {
        String[] parts = key.split("\\|", 3);
        return parts.length > 1 ? parts[1] : "unknown";
    }

    /** Another notice was queued for the held mail first; the transaction is rolled back. */
    private static final class NoticedBefore extends Exception {
        NoticedBefore() {
            super(null, null, false, false);
        }
    }

    /**
     * Queues the notice about a held mail, in one transaction with the record that it was sent.
     *
     * @return false when a notice for it was queued before
     */
    public boolean queueNotice(long heldId, QueuedMail notice) throws StoreException {
        try {
            return db.inTransaction(c -> {
                if (OutboxRows.idOf(c, notice.key()).isPresent()) {
                    return false;
                }
                long id = insert(c, notice);
                if (OutboxRows.update(c, "update held_result set notice_id = ? where outbox_id = ? and notice_id is null",
                        id, heldId) != 1) {
                    throw new NoticedBefore();
                }
                return true;
            });
        } catch (NoticedBefore e) {
            return false;
        } catch (SQLException e) {
            if (Intake.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new StoreException("cannot queue the moderation notice " + notice.key().shortId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Releases a held mail: it becomes pending, due now, and goes through the normal delivery
     * with its caps and retries, keeping its Message-ID. Its delivery lifetime counts from now.
     */
    public HeldMail release(String key) throws StoreException, ModerationException {
        return decide(key, ModerationDecision.RELEASE, null);
    }

    /** Drops a held mail: it is never sent, and the reason is kept. */
    public HeldMail drop(String key, String why) throws StoreException, ModerationException {
        if (why == null || why.isBlank()) {
            throw new ModerationException("a drop needs a reason (--why)");
        }
        return decide(key, ModerationDecision.DROP, why);
    }

    private HeldMail decide(String key, ModerationDecision decision, String why) throws StoreException, ModerationException {
        try {
            return db.inTransaction(c -> decide(c, key, decision, why));
        } catch (SQLException e) {
            throw new StoreException("cannot " + decision.id() + " result " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Releases or drops a held mail in the caller's transaction (a reply's command does so with
     * the reply's record).
     *
     * @return the held mail as it was before the decision
     */
    public HeldMail decide(Connection c, String key, ModerationDecision decision, String why)
            throws SQLException, ModerationException {
        Instant now = clock.instant();
        Row row = lock(c, key);
        requireResult(row);
        if (row.state != HELD) {
            throw new ModerationException("result " + row.shortId() + " is " + row.state.id() + ", not held"
                    + (row.state == SENT ? "; a sent result can only be retracted (culprit retract)" : ""));
        }
        HeldMail before = held(c, "o.id = o.id", row.id).get(0);
        if (decision == ModerationDecision.RELEASE) {
            OutboxRows.update(c, "update outbox set state = " + PENDING.sql() + ", attempts = 0, next_attempt_at = ?,"
                    + " last_error = null, created_at = ?, updated_at = ? where id = ? and state = " + HELD.sql(),
                    now, now, now, row.id);
        } else {
            OutboxRows.update(c, "update outbox set state = " + OutboxState.DROPPED.sql() + ", next_attempt_at = ?,"
                    + " last_error = ?, updated_at = ? where id = ? and state = " + HELD.sql(),
                    now, clip("dropped by a moderator: " + why), now, row.id);
        }
        recordDecision(c, row.id, decision, why, null, null, now);
        // a notice not sent yet is moot once someone decided
        OutboxRows.update(c, "update outbox set state = " + OutboxState.DROPPED.sql() + ", last_error = ?, updated_at = ?"
                + " where state = " + PENDING.sql() + " and id = (select notice_id from held_result where outbox_id = ?)",
                "not sent: the held mail was " + decision.done() + " first", now, row.id);
        return before;
    }

    /** A sent result, to write its correction from. */
    public SentMail sent(String key) throws StoreException, ModerationException {
        try (Connection c = db.connection()) {
            return sent(c, key);
        } catch (SQLException e) {
            throw new StoreException("cannot read result " + key + ": " + e.getMessage(), e);
        }
    }

    /** A sent result, read in the caller's transaction. */
    public SentMail sent(Connection c, String key) throws SQLException, ModerationException {
        Row row = find(c, key, false);
        requireResult(row);
        if (row.state != SENT) {
            throw new ModerationException("result " + row.shortId() + " is " + row.state.id() + ", not sent"
                    + (row.state == HELD || row.state == PENDING ? "; a result not sent yet is dropped, not retracted" : "")
                    + (row.state == OutboxState.RETRACTED ? " again: it was retracted before" : ""));
        }
        return sentMail(c, row);
    }

    private SentMail sentMail(Connection c, Row row) throws SQLException {
        OutboxMail m = OutboxRows.load(c, List.of(row.id)).get(0);
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
        try {
            return db.inTransaction(c -> retract(c, original, why, newCulprit, correction,
                    new Label(Label.Value.WRONG, newCulprit, Label.Source.OPERATOR, why, clock.instant())));
        } catch (SQLException e) {
            throw new StoreException("cannot retract result " + original.shortId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Retracts a sent result in the caller's transaction, labelling it with {@code label} (a
     * reply's command labels it from the reply, and only a cause culprit: null for none).
     *
     * @return the outbox row of the correction
     */
    public long retract(Connection c, SentMail original, String why, String newCulprit, QueuedMail correction, Label label)
            throws SQLException, ModerationException {
        Instant now = clock.instant();
        Row row = lock(c, original.shortId());
        if (row.id != original.id() || row.state != SENT) {
            throw new ModerationException("result " + original.shortId() + " is " + row.state.id() + ", not sent");
        }
        long id = insert(c, correction);
        OutboxRows.update(c, "update outbox set state = " + OutboxState.RETRACTED.sql() + ", last_error = ?,"
                + " updated_at = ? where id = ? and state = " + SENT.sql(),
                clip("retracted: " + why), now, row.id);
        recordDecision(c, row.id, ModerationDecision.RETRACT, why, newCulprit, id, now);
        if (label != null) {
            Labels.insert(c, row.id, label, null);
        }
        return id;
    }

    /** Whether a result, by its full key, was retracted. */
    public boolean isRetracted(ResultKey key) throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select state from outbox where key_hash = ?")) {
            ps.setString(1, key.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && OutboxState.of(rs.getString(1)) == OutboxState.RETRACTED;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read result " + key.shortId() + ": " + e.getMessage(), e);
        }
    }

    private static void recordDecision(Connection c, long id, ModerationDecision decision, String why, String newCulprit,
            Long correctionId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into moderation_decision (outbox_id, decision, reason, new_culprit, correction_id, decided_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, id);
            ps.setString(2, decision.id());
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

    private record Row(long id, String resultKey, String messageId, String source, String subject, OutboxState state,
            Instant sentAt) {
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
        List<Long> ids = OutboxRows.idsByKeyPrefix(c, k);
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
                        OutboxState.of(rs.getString(6)), instant(rs, 7));
            }
        }
    }

    /** Inserts a pending mail and its recipients; the unique key hash refuses a second copy. */
    private long insert(Connection c, QueuedMail mail) throws SQLException {
        return OutboxRows.insert(c, new OutboxRows.NewMail(mail.key(), mail.messageId(), mail.source(), mail.subject(),
                Verdict.MAIL, PENDING, mail.message(), mail.recipients()), clock.instant());
    }
}

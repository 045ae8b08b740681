package dev.culprit.store;

import dev.culprit.model.Label;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outbox as replies see it: which mails culprit sent (results, corrections, moderation
 * notices, answers and notes to the moderators), the result a reply is about with the people it
 * reached, and the rows a reply's commands write in the handler's transaction (labels, answers).
 *
 * <p>Answers and notes to the moderators are outbox rows of their own, never results: their keys
 * start with {@link #ANSWER_PREFIX} or {@link #NOTE_PREFIX}, followed by the digest of the reply's
 * identity and {@code |} and the key of the result the reply was about (empty when it could not be
 * told).
 */
public final class RepliedResults {
    /** Key prefix of an answer to a reply. */
    public static final String ANSWER_PREFIX = "answer|";
    /** Key prefix of a note to the moderators about a reply. */
    public static final String NOTE_PREFIX = "reply-note|";
    private static final List<String> ABOUT_PREFIXES = List.of(Moderation.CORRECTION_PREFIX, Moderation.NOTICE_PREFIX);

    private final Database db;
    private final Clock clock;

    public RepliedResults(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A result a reply is about, read (and locked) in the handler's transaction.
     *
     * @param id its outbox row
     * @param key its full key
     * @param state where it stands
     * @param messageId its Message-ID
     * @param subject its subject, or null
     * @param culprit the commit it blamed, or null
     * @param labellable whether it is a cause bisection's culprit (only those are labelled)
     * @param recipients its recipients with their state (sent, suppressed, ...) and reasons
     * @param authorRecorded whether its blamed commit's author was recorded when it was stored
     *     (false for results stored before that was done: their recipients' reasons tell the author)
     * @param author the recorded address of the blamed commit's author, whether or not a recipient;
     *     null when none was recorded or the result names none
     */
    public record Found(long id, ResultKey key, OutboxState state, String messageId, String subject, String culprit,
            boolean labellable, List<OutboxRecipient> recipients, boolean authorRecorded, String author) {
        public Found {
            recipients = List.copyOf(recipients);
        }
    }

    /** Whether {@code messageId} (with its angle brackets) is one culprit sent or queued. */
    public boolean sentByCulprit(String messageId) throws StoreException {
        try (Connection c = db.connection()) {
            return sentByCulprit(c, messageId);
        } catch (SQLException e) {
            throw new StoreException("cannot look up Message-ID " + messageId + ": " + e.getMessage(), e);
        }
    }

    /** {@link #sentByCulprit(String)} on the caller's connection (inside its transaction). */
    public boolean sentByCulprit(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from outbox where message_id = ?")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The result of the mail culprit sent with this Message-ID: the result itself, or the one it is about. */
    public Optional<Found> byMessageId(Connection c, String messageId) throws SQLException {
        String key = null;
        try (PreparedStatement ps = c.prepareStatement("select result_key from outbox where message_id = ? order by id")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    key = rs.getString(1);
                }
            }
        }
        if (key == null) {
            return Optional.empty();
        }
        String about = resultKeyOf(key);
        if (about.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> id = OutboxRows.idOf(c, new ResultKey(about));
        return id.isEmpty() ? Optional.empty() : load(c, id.get());
    }

    /** The result whose short key ({@code Result key:} line) is {@code shortKey}, when exactly one has it. */
    public Optional<Found> byShortKey(Connection c, String shortKey) throws SQLException {
        List<Long> ids = OutboxRows.idsByKeyPrefix(c, shortKey.toLowerCase(Locale.ROOT));
        if (ids.size() != 1) {
            return Optional.empty();
        }
        Optional<Found> f = load(c, ids.get(0));
        return f.filter(found -> resultKeyOf(found.key().value()).equals(found.key().value()));
    }

    /** The key of the result a mail is about: its own, or the one behind a correction's, notice's, answer's or note's prefix. */
    static String resultKeyOf(String mailKey) {
        for (String prefix : ABOUT_PREFIXES) {
            if (mailKey.startsWith(prefix)) {
                return mailKey.substring(prefix.length());
            }
        }
        for (String prefix : List.of(ANSWER_PREFIX, NOTE_PREFIX)) {
            if (mailKey.startsWith(prefix)) {
                int bar = mailKey.indexOf('|', prefix.length());
                return bar < 0 ? "" : mailKey.substring(bar + 1);
            }
        }
        return mailKey;
    }

    /** The result's row, locked for the handler's transaction, so that its state holds until the commands are applied. */
    private static Optional<Found> load(Connection c, long id) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select id from outbox where id = ? for update")) {
            lock.setLong(1, id);
            lock.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("select o.result_key, o.state, o.message_id, o.subject, o.culprit,"
                + " f.outbox_id, s.author_recorded, s.culprit_author from outbox o"
                + " left join result_fact f on f.outbox_id = o.id left join result_summary s on s.outbox_id = o.id"
                + " where o.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String key = rs.getString(1);
                boolean labellable = rs.getObject(6) != null || key.startsWith("cause|culprit|");
                List<OutboxRecipient> recipients = OutboxRows.load(c, List.of(id)).stream().findFirst()
                        .map(OutboxMail::recipients).orElse(List.of());
                return Optional.of(new Found(id, new ResultKey(key), OutboxState.of(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), labellable, recipients, rs.getBoolean(7), rs.getString(8)));
            }
        }
    }

    /**
     * How many answers to replies were queued since {@code since}: to {@code address}, or to
     * anyone when it is null.
     */
    public int answersSince(Connection c, Instant since, String address) throws SQLException {
        String sql = "select count(distinct o.id) from outbox o" + (address == null ? ""
                : " join outbox_recipient r on r.outbox_id = o.id and lower(r.address) = ?")
                + " where o.result_key like '" + ANSWER_PREFIX + "%' and o.created_at >= ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (address == null) {
                OutboxRows.bind(ps, since);
            } else {
                OutboxRows.bind(ps, address.toLowerCase(Locale.ROOT), since);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Queues an answer or a note as a pending mail in the handler's transaction; delivery sends it. */
    public long queue(Connection c, QueuedMail mail) throws SQLException {
        return OutboxRows.insert(c, new OutboxRows.NewMail(mail.key(), mail.messageId(), mail.source(), mail.subject(),
                Verdict.MAIL, OutboxState.PENDING, mail.message(), mail.recipients()), clock.instant());
    }

    /** Labels a result in the handler's transaction. */
    public void label(Connection c, long resultId, Label label) throws SQLException {
        Labels.insert(c, resultId, label, null);
    }
}

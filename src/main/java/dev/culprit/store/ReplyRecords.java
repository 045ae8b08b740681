package dev.culprit.store;

import static dev.culprit.store.OutboxRows.clip;
import static dev.culprit.store.OutboxRows.instant;
import static dev.culprit.store.OutboxRows.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The record of handled replies ({@code reply_record} and {@code reply_command}): each mail of the
 * replies folder is handled once. The handler, inside one {@link Database#inTransaction}, first
 * {@link #claim claims} the mail's {@link ReplyIdentity identity} (false when it was handled
 * before, here or on another instance), then applies the commands, records them with
 * {@link #commands} and closes the record with {@link #finish}: the record and the effects commit
 * together, or neither does.
 *
 * <p>Records follow {@code retention.days} ({@link #purgeReceivedBefore}); the labels written
 * from replies are kept in {@code result_label} and never removed.
 */
public final class ReplyRecords {
    private static final String SELECT = "select id, message_id, digest, sender, from_header, authenticated, authentication,"
            + " result_hash, answer_id, refused, received_at, identity_hash from reply_record";

    private final Database db;
    private final Clock clock;

    public ReplyRecords(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Records the mail as received, unless its identity was recorded before. On PostgreSQL a second
     * instance claiming the same identity at the same time waits for the first one's transaction:
     * when that commits, this returns empty; when it rolls back, this claim wins.
     *
     * @param c the handler's transaction
     * @return the record's id, to pass to {@link #commands} and {@link #finish}; empty when the
     *     mail was handled before (nothing else is to be done with it)
     */
    public OptionalLong claim(Connection c, Received r) throws SQLException {
        if (exists(c, r.identity().hash())) {
            return OptionalLong.empty();
        }
        Optional<Long> id = unlessTaken(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into reply_record (identity_hash, message_id, digest, sender, from_header, authenticated,
                        authentication, result_hash, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                ReplyIdentity i = r.identity();
                OutboxRows.bind(ps, i.hash(), clip(r.messageId(), 998), i.digest(), clip(i.sender(), 320),
                        clip(r.from(), 2000), i.authenticated(), clip(r.how(), 2000), r.resultHash(), clock.instant());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return id.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** An insert a unique key may refuse. */
    @FunctionalInterface
    interface Insert<T> {
        T run() throws SQLException;
    }

    /**
     * Runs an insert that a unique key may refuse: empty when it does, with the caller's
     * transaction still usable (PostgreSQL refuses every later statement of a transaction that
     * failed, until it is rolled back to a savepoint taken before).
     */
    static <T> Optional<T> unlessTaken(Connection c, Insert<T> insert) throws SQLException {
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            return Optional.of(insert.run());
        } catch (SQLException e) {
            if (!Intake.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            if (before != null) {
                c.rollback(before);
            }
            return Optional.empty();
        }
    }

    private static boolean exists(Connection c, String identityHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from reply_record where identity_hash = ?")) {
            ps.setString(1, identityHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Records the reply's commands, in the order written, after those recorded before. */
    public void commands(Connection c, long replyId, List<CommandRecord> commands) throws SQLException {
        int first;
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(position), 0) from reply_command where reply_id = ?")) {
            ps.setLong(1, replyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                first = rs.getInt(1) + 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into reply_command (reply_id, position, name, arguments, outcome, reason) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < commands.size(); i++) {
                CommandRecord cr = commands.get(i);
                OutboxRows.bind(ps, replyId, first + i, clip(cr.name(), 64), clip(cr.arguments(), 2000), cr.outcome().id(),
                        clip(cr.reason()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Completes the record: the result it was about (null keeps the one given when claimed), the
     * answer's Message-ID (null when none was queued) and why the mail as a whole was refused
     * (null when it was not).
     */
    public void finish(Connection c, long replyId, String resultHash, String answerMessageId, String refused)
            throws SQLException {
        OutboxRows.update(c, "update reply_record set result_hash = coalesce(?, result_hash), answer_id = ?, refused = ?"
                + " where id = ?", resultHash, clip(answerMessageId, 998), clip(refused), replyId);
    }

    /** Whether a mail with this identity was handled. */
    public boolean handled(ReplyIdentity identity) throws StoreException {
        try (Connection c = db.connection()) {
            return exists(c, identity.hash());
        } catch (SQLException e) {
            throw new StoreException("cannot read the record of replies: " + e.getMessage(), e);
        }
    }

    /** The record of the mail with this identity, with its commands. */
    public Optional<Reply> find(ReplyIdentity identity) throws StoreException {
        try (Connection c = db.connection()) {
            List<Reply> r = select(c, " where identity_hash = ?", identity.hash());
            return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
        } catch (SQLException e) {
            throw new StoreException("cannot read the record of replies: " + e.getMessage(), e);
        }
    }

    /** Every reply about the result with this key hash ({@code ResultKey.sha256()}), oldest first. */
    public List<Reply> about(String resultHash) throws StoreException {
        try (Connection c = db.connection()) {
            return about(c, resultHash);
        } catch (SQLException e) {
            throw new StoreException("cannot read the replies about a result: " + e.getMessage(), e);
        }
    }

    static List<Reply> about(Connection c, String resultHash) throws SQLException {
        return select(c, " where result_hash = ? order by received_at, id", resultHash);
    }

    private static List<Reply> select(Connection c, String where, String arg) throws SQLException {
        Map<Long, Reply> replies = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    replies.put(rs.getLong(1), new Reply(rs.getLong(1), rs.getString(12), instant(rs, 11), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), List.of()));
                }
            }
        }
        Map<Long, List<CommandRecord>> commands = commandsOf(c, replies.keySet());
        List<Reply> out = new ArrayList<>();
        for (Reply r : replies.values()) {
            out.add(r.withCommands(commands.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    /** The commands of these replies, by reply, each in order: one query for all of them. */
    private static Map<Long, List<CommandRecord>> commandsOf(Connection c, Collection<Long> replyIds) throws SQLException {
        Map<Long, List<CommandRecord>> out = new HashMap<>();
        if (replyIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select reply_id, name, arguments, outcome, reason from reply_command"
                + " where reply_id in (" + OutboxRows.placeholders(replyIds.size(), "?") + ") order by reply_id, position")) {
            OutboxRows.bind(ps, replyIds.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new CommandRecord(rs.getString(2), rs.getString(3), Outcome.of(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /**
     * Removes the records of replies received before {@code cutoff}, with their commands; labels
     * written from them stay.
     *
     * @return how many records were removed
     */
    public int purgeReceivedBefore(Instant cutoff) throws SQLException {
        int removed = db.inTransaction(c -> {
            OutboxRows.update(c, "delete from reply_command where reply_id in (select id from reply_record where received_at < ?)",
                    cutoff);
            return OutboxRows.update(c, "delete from reply_record where received_at < ?", cutoff);
        });
        if (removed > 0) {
            org.slf4j.LoggerFactory.getLogger(ReplyRecords.class).info("retention: removed {} records of replies received before {}",
                    removed, cutoff);
        }
        return removed;
    }

    /**
     * A mail as received, for {@link #claim}.
     *
     * @param identity what makes it this mail
     * @param from the From header as written (or null)
     * @param how how the sender was authenticated, or why not ({@code Speaker.how})
     * @param resultHash the key hash of the result it is about, or null when that cannot be told (yet)
     * @param messageId the mail's Message-ID as recorded, for the history: also of a mail whose
     *     identity is the digest of its bytes (a refused one); null when it has none
     */
    public record Received(ReplyIdentity identity, String from, String how, String resultHash, String messageId) {
        public Received {
            java.util.Objects.requireNonNull(identity, "identity");
            how = how == null ? "" : how;
            messageId = messageId == null || messageId.isBlank() ? identity.messageId() : messageId.strip();
        }

        /** A mail recorded with the Message-ID of its identity. */
        public Received(ReplyIdentity identity, String from, String how, String resultHash) {
            this(identity, from, how, resultHash, null);
        }
    }

    /** What became of one command line. */
    public enum Outcome {
        APPLIED, REFUSED, SKIPPED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Outcome of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One command line of a reply and what became of it.
     *
     * @param name the command's word ({@code wrong}, {@code blame}, ...), or the word written when
     *     it is no command
     * @param arguments what followed the word (a hash, a reason), or null
     * @param reason why it was refused or skipped, or what applying it did; may be null
     */
    public record CommandRecord(String name, String arguments, Outcome outcome, String reason) {
        public CommandRecord {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A handled reply as recorded.
     *
     * @param identityHash its identity's SHA-256 ({@link ReplyIdentity#hash}), which the keys of its
     *     answer and notes carry
     * @param sender the authenticated sender, lower case; or whatever From said when not authenticated
     * @param from the From header as written
     * @param how how the sender was authenticated, or why not
     * @param resultHash the key hash of the result it was about, or null
     * @param answerId the Message-ID of the answer queued, or null
     * @param refused why the mail as a whole was refused, or null
     */
    public record Reply(long id, String identityHash, Instant receivedAt, String messageId, String digest, String sender, String from,
            boolean authenticated, String how, String resultHash, String answerId, String refused,
            List<CommandRecord> commands) {
        public Reply {
            commands = List.copyOf(commands);
        }

        Reply withCommands(List<CommandRecord> list) {
            return new Reply(id, identityHash, receivedAt, messageId, digest, sender, from, authenticated, how, resultHash,
                    answerId, refused, list);
        }
    }
}

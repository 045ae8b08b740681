package dev.culprit.store;

import dev.culprit.model.ResultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Addresses that get no later mail about one result ({@code #culprit uncc}): the result's
 * retraction and any other mail about it skip them at send time, as opt-outs are skipped. Kept
 * like the opt-out list; retention removes none.
 */
public final class ResultSuppressions {
    /** The reason a recipient suppressed this way is given, in the outbox and the log. */
    public static final String REASON = "asked for no more mail about this result (#culprit uncc)";

    private final Database db;
    private final Clock clock;

    public ResultSuppressions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Suppresses {@code address} for the result with this key hash, in the caller's transaction.
     *
     * @return false when it was suppressed before
     */
    public boolean add(Connection c, String resultHash, String address, String note) throws SQLException {
        String a = address.strip().toLowerCase(Locale.ROOT);
        try (PreparedStatement ps = c.prepareStatement("select 1 from result_suppression where result_hash = ? and address = ?")) {
            ps.setString(1, resultHash);
            ps.setString(2, a);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        return ReplyRecords.unlessTaken(c, () -> OutboxRows.update(c,
                "insert into result_suppression (result_hash, address, note, added_at) values (?, ?, ?, ?)",
                resultHash, a, OutboxRows.clip(note, 2000), clock.instant())).isPresent();
    }

    /** Suppresses {@code address} for the result with this key hash, in a transaction of its own. */
    public boolean add(String resultHash, String address, String note) throws StoreException {
        try {
            return db.inTransaction(c -> add(c, resultHash, address, note));
        } catch (SQLException e) {
            throw new StoreException("cannot record that " + address + " wants no more mail about a result: " + e.getMessage(), e);
        }
    }

    /** The addresses suppressed for the result with this key hash, lower case. */
    public Set<String> of(String resultHash) throws StoreException {
        return forResults(List.of(resultHash)).getOrDefault(resultHash, Set.of());
    }

    /** The suppressed addresses, lower case, by result key hash; results without any are left out. */
    public Map<String, Set<String>> forResults(Collection<String> resultHashes) throws StoreException {
        Map<String, Set<String>> out = new HashMap<>();
        List<String> hashes = resultHashes.stream().distinct().toList();
        if (hashes.isEmpty()) {
            return out;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select result_hash, address"
                + " from result_suppression where result_hash in (" + OutboxRows.placeholders(hashes.size(), "?") + ")")) {
            OutboxRows.bind(ps, hashes.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read who wants no more mail about a result: " + e.getMessage(), e);
        }
    }

    /**
     * The key hash of the result an outbox mail is about, as suppressions apply to it: a result's
     * own, or for a retraction or a moderation notice the result's they are about. An answer to a
     * reply (or a note about one) is its own: the answer to {@code #culprit uncc} still reaches its
     * sender.
     */
    public static String resultHashOf(String mailKey) {
        boolean aboutAReply = mailKey.startsWith(RepliedResults.ANSWER_PREFIX) || mailKey.startsWith(RepliedResults.NOTE_PREFIX);
        return new ResultKey(aboutAReply ? mailKey : RepliedResults.resultKeyOf(mailKey)).sha256();
    }
}

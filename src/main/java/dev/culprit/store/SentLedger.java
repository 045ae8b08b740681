package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;
import static dev.culprit.store.OutboxRows.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sent ledger the caps count from: one entry per recipient a mail was delivered to, with
 * whether that recipient is a mailing list. Written with each outcome ({@link Outcomes}).
 */
public final class SentLedger {
    /** Addresses looked up by one query, at most. */
    private static final int ADDRESSES_PER_QUERY = 500;

    private final Database db;

    public SentLedger(Database db) {
        this.db = db;
    }

    /** Mails sent (to at least one recipient) since {@code since}. */
    public long mailsSentSince(Instant since) throws StoreException {
        return count("select count(distinct outbox_id) from sent_ledger where sent_at > ?", since);
    }

    /** Mails one person (not a mailing list) received since {@code since}. */
    public long personalMailsSince(String address, Instant since) throws StoreException {
        return count("select count(*) from sent_ledger where address = ? and not is_list and sent_at > ?",
                address.toLowerCase(Locale.ROOT), since);
    }

    /**
     * Mails each of these people (not mailing lists) received since {@code since}, by lower-case
     * address; addresses without any are absent.
     */
    public Map<String, Long> personalMailsSince(Collection<String> addresses, Instant since) throws StoreException {
        Map<String, Long> out = new HashMap<>();
        List<String> lower = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();
        for (int from = 0; from < lower.size(); from += ADDRESSES_PER_QUERY) {
            List<String> part = lower.subList(from, Math.min(lower.size(), from + ADDRESSES_PER_QUERY));
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "select address, count(*) from sent_ledger where address in (" + OutboxRows.placeholders(part.size(), "?")
                            + ") and not is_list and sent_at > ? group by address")) {
                int i = 1;
                for (String a : part) {
                    ps.setString(i++, a);
                }
                ps.setObject(i, ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the sent ledger: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The oldest ledger time after {@code since} (for one address when given): when a cap slot frees up. */
    public Optional<Instant> oldestSentSince(String addressOrNull, Instant since) throws StoreException {
        String sql = addressOrNull == null
                ? "select min(sent_at) from sent_ledger where sent_at > ?"
                : "select min(sent_at) from sent_ledger where address = ? and not is_list and sent_at > ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (addressOrNull != null) {
                ps.setString(i++, addressOrNull.toLowerCase(Locale.ROOT));
            }
            ps.setObject(i, ts(since));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the sent ledger: " + e.getMessage(), e);
        }
    }

    private long count(String sql, Object... args) throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            OutboxRows.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the sent ledger: " + e.getMessage(), e);
        }
    }
}

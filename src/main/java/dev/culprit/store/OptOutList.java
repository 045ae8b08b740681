package dev.culprit.store;

import dev.culprit.recipients.OptOuts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The opt-out list kept in the store ({@code opt_out}): addresses, and domains written as
 * {@code @example.org} (an entry without {@code @} is read as a domain too; a domain also covers
 * its subdomains). Entries are lower case. The only code that reads or writes the table; the
 * opt-out file of {@code recipients.opt-out-file} is a second source, read elsewhere.
 */
public final class OptOutList {
    /** The states of a mail not sent yet whose recipients may still change. */
    private static final String UNSENT = "(" + OutboxState.PENDING.sql() + ", " + OutboxState.HELD.sql() + ")";

    private final Database db;
    private final Clock clock;

    /** One entry: an address or {@code @domain}, the note given with it, and when it was added. */
    public record Entry(String entry, String note, Instant addedAt) {
        public Entry {
            Objects.requireNonNull(entry, "entry");
        }

        /** A domain entry: {@code @example.org}, or {@code example.org} as older entries were written. */
        public boolean isDomain() {
            return entry.indexOf('@') <= 0;
        }

        /** The domain of a domain entry, without {@code @}. */
        public String domain() {
            return entry.startsWith("@") ? entry.substring(1) : entry;
        }
    }

    public OptOutList(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The stored form of an address or a domain ({@code example.org} or {@code @example.org}).
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static String normalize(String addressOrDomain) {
        String s = addressOrDomain == null ? "" : addressOrDomain.strip();
        if (s.isEmpty() || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.startsWith("#")) {
            throw new IllegalArgumentException("neither an address nor a domain: \"" + s + "\"");
        }
        OptOuts parsed;
        try {
            parsed = OptOuts.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neither an address nor a domain: \"" + s + "\"", e);
        }
        if (!parsed.domains().isEmpty()) {
            return "@" + parsed.domains().iterator().next();
        }
        return parsed.addresses().iterator().next();
    }

    /** Adds an entry; false when it was on the list already. */
    public boolean add(String addressOrDomain, String note) throws StoreException {
        String e = normalize(addressOrDomain);
        try (Connection c = db.connection()) {
            return add(c, addressOrDomain, note);
        } catch (SQLException ex) {
            if ("23505".equals(ex.getSQLState())) {
                return false;
            }
            throw new StoreException("cannot add " + e + " to the opt-out list: " + ex.getMessage(), ex);
        }
    }

    /**
     * Adds an entry in the caller's transaction (a reply's {@code #culprit unsubscribe}); false when
     * it was on the list already. A unique violation (another instance added it at the same moment)
     * is thrown: the caller's transaction is then void and is tried again.
     */
    public boolean add(Connection c, String addressOrDomain, String note) throws SQLException {
        String e = normalize(addressOrDomain);
        if (contains(c, e)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into opt_out (address, note, added_at) values (?, ?, ?)")) {
            ps.setString(1, e);
            ps.setString(2, note);
            ps.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
        return true;
    }

    /** Removes an entry; false when it was not on the list. */
    public boolean remove(String addressOrDomain) throws StoreException {
        String e = normalize(addressOrDomain);
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("delete from opt_out where address = ? or address = ?")) {
            ps.setString(1, e);
            ps.setString(2, bare(e));
            return ps.executeUpdate() > 0;
        } catch (SQLException ex) {
            throw new StoreException("cannot remove " + e + " from the opt-out list: " + ex.getMessage(), ex);
        }
    }

    /** Every entry, in alphabetical order. */
    public List<Entry> list() throws StoreException {
        List<Entry> out = new ArrayList<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select address, note, added_at from opt_out order by address");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime t = rs.getObject(3, OffsetDateTime.class);
                out.add(new Entry(rs.getString(1), rs.getString(2), t == null ? null : t.toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the opt-out list: " + e.getMessage(), e);
        }
    }

    /** The stored entries as the recipient policy reads them. */
    public OptOuts current() throws StoreException {
        Set<String> addresses = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (Entry e : list()) {
            if (e.isDomain()) {
                domains.add(e.domain());
            } else {
                addresses.add(e.entry());
            }
        }
        return new OptOuts(addresses, domains);
    }

    /**
     * Rewrites a mail that is still pending or held: its new message bytes (recipient headers
     * without the suppressed addresses) and the suppressed recipients with their reasons, in one
     * transaction. Does nothing, returning false, when the mail left those states meanwhile
     * (delivery claimed it: the send-time policy covers it then).
     *
     * @param suppressed reasons by recipient position
     */
    public boolean suppress(long id, byte[] message, Map<Integer, String> suppressed) throws StoreException {
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "update outbox set updated_at = ? where id = ? and state in " + UNSENT)) {
                    ps.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    ps.setLong(2, id);
                    if (ps.executeUpdate() != 1) {
                        return false;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("update outbox_message set message = ? where outbox_id = ?")) {
                    ps.setBytes(1, message);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update outbox_recipient set state = ?, last_error = ?"
                        + " where outbox_id = ? and position = ? and state = ?")) {
                    for (var e : suppressed.entrySet()) {
                        OutboxRows.bind(ps, OutboxRecipient.State.SUPPRESSED.id(), e.getValue(), id, e.getKey(),
                                OutboxRecipient.State.PENDING.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return true;
            });
        } catch (SQLException e) {
            throw new StoreException("cannot update the recipients of mail " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Mails still pending or held whose row id is above {@code afterId}, oldest first, at most
     * {@code limit}; with the highest row id in the outbox, to pass next time.
     */
    public Unsent unsentAfter(long afterId, int limit) throws StoreException {
        try (Connection c = db.connection()) {
            long top;
            try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from outbox");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                top = rs.getLong(1);
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from outbox where id > ? and id <= ?"
                    + " and state in " + UNSENT + " order by id fetch first ? rows only")) {
                ps.setLong(1, afterId);
                ps.setLong(2, top);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.size() == limit) {
                top = ids.get(ids.size() - 1);
            }
            return new Unsent(ids.isEmpty() ? List.of() : OutboxRows.load(c, ids), top);
        } catch (SQLException e) {
            throw new StoreException("cannot list unsent mails: " + e.getMessage(), e);
        }
    }

    /** Unsent mails and the row id the next look starts after. */
    public record Unsent(List<OutboxMail> mails, long upTo) {
        public Unsent {
            mails = List.copyOf(mails);
        }
    }

    /** Which of these addresses are on the list as addresses (compared without case). */
    public Set<String> optedOut(Collection<String> addresses) throws StoreException {
        Set<String> out = new HashSet<>();
        if (addresses.isEmpty()) {
            return out;
        }
        List<String> lower = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select address from opt_out where address in (" + OutboxRows.placeholders(lower.size(), "?") + ")")) {
            for (int i = 0; i < lower.size(); i++) {
                ps.setString(i + 1, lower.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the opt-out list: " + e.getMessage(), e);
        }
    }

    /** Whether the stored list has no entry at all. */
    public boolean isEmpty() throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select 1 from opt_out fetch first 1 rows only");
                ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw new StoreException("cannot read the opt-out list: " + e.getMessage(), e);
        }
    }

    /** A domain entry without its {@code @}, as older entries were written; an address as it is. */
    private static String bare(String entry) {
        return entry.startsWith("@") ? entry.substring(1) : entry;
    }

    private static boolean contains(Connection c, String entry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from opt_out where address = ? or address = ?")) {
            ps.setString(1, entry.toLowerCase(Locale.ROOT));
            ps.setString(2, bare(entry.toLowerCase(Locale.ROOT)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

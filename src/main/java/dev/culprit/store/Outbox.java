package dev.culprit.store;

import dev.culprit.model.PreparedMail;
import dev.culprit.model.Recipient;
import dev.culprit.model.Verdict;
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
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The durable outbox over JDBC: mails are stored before they are sent, claimed with a lease so
 * that one instance sends each, and every state change is one committed transaction. It also
 * keeps the sent ledger the caps count from, the record of processed log contents, and the
 * opt-out list.
 */
public final class Outbox {
    private static final int MAX_ERROR = 8000;

    private final Database db;
    private final Clock clock;

    public Outbox(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Database database() {
        return db;
    }

    /** The log name under which this content was first processed, if it was. */
    public Optional<String> processedAs(String contentHash) throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select log_name from processed_log where content_hash = ?")) {
            ps.setString(1, contentHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up log content " + contentHash + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores a prepared mail in one transaction: pending for {@link Verdict#MAIL}, held for
     * {@link Verdict#MODERATE}, skipped for {@link Verdict#SKIP}; and records the log content as
     * processed. A content or a result key seen before stores nothing new.
     */
    public Acceptance accept(PreparedMail mail, String logName, String contentHash) throws StoreException {
        return storeOnce(c -> accept(c, mail, logName, contentHash),
                () -> logName + ": cannot store result " + mail.key().shortId());
    }

    /**
     * Runs {@code work} in a transaction, once more when it collides with a unique key: another
     * instance stored the same content or result at the same moment, and the second pass sees it
     * and reports a duplicate.
     */
    private <T> T storeOnce(Database.SqlWork<T> work, java.util.function.Supplier<String> what) throws StoreException {
        for (int attempt = 0; ; attempt++) {
            try {
                return db.inTransaction(work);
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState()) && attempt == 0) {
                    continue;
                }
                throw new StoreException(what.get() + ": " + e.getMessage(), e);
            }
        }
    }

    /** A prepared mail with the log it came from, for {@link #acceptAll}. */
    public record Arrival(PreparedMail mail, String logName, String contentHash) {}

    /**
     * Stores several prepared mails in one transaction, as {@link #accept} would one by one (a
     * content or result repeated within the list is a duplicate of its first occurrence). One
     * commit for many logs: none of them leaves {@code work/} before it.
     */
    public List<Acceptance> acceptAll(List<Arrival> arrivals) throws StoreException {
        if (arrivals.size() == 1) {
            Arrival a = arrivals.get(0);
            return List.of(accept(a.mail(), a.logName(), a.contentHash()));
        }
        return storeOnce(c -> {
            List<Acceptance> out = new ArrayList<>();
            for (Arrival a : arrivals) {
                out.add(accept(c, a.mail(), a.logName(), a.contentHash()));
            }
            return out;
        }, () -> "cannot store the results of " + arrivals.size() + " logs (" + arrivals.get(0).logName() + ", ...)");
    }

    private Acceptance accept(Connection c, PreparedMail mail, String logName, String contentHash) throws SQLException {
        Instant now = clock.instant();
        String keyHash = mail.key().sha256();
        try (PreparedStatement ps = c.prepareStatement("select log_name from processed_log where content_hash = ?")) {
            ps.setString(1, contentHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Acceptance(Acceptance.Disposition.DUPLICATE_CONTENT, mail.key().value(), rs.getString(1));
                }
            }
        }
        boolean known;
        try (PreparedStatement ps = c.prepareStatement("select id from outbox where key_hash = ?")) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                known = rs.next();
            }
        }
        Acceptance.Disposition disposition;
        if (known) {
            disposition = Acceptance.Disposition.DUPLICATE_RESULT;
        } else {
            OutboxState state = switch (mail.verdict()) {
                case MAIL -> OutboxState.PENDING;
                case MODERATE -> OutboxState.HELD;
                case SKIP -> OutboxState.SKIPPED;
            };
            disposition = switch (state) {
                case PENDING -> Acceptance.Disposition.QUEUED;
                case HELD -> Acceptance.Disposition.HELD;
                default -> Acceptance.Disposition.SKIPPED;
            };
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into outbox (result_key, key_hash, message_id, source, subject, verdict, state,
                        attempts, next_attempt_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, mail.key().value());
                ps.setString(2, keyHash);
                ps.setString(3, mail.messageId());
                ps.setString(4, logName);
                ps.setString(5, mail.subject());
                ps.setString(6, mail.verdict().id());
                ps.setString(7, state.id());
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
            if (state == OutboxState.HELD) {
                HeldResults.record(c, id, mail, now);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into processed_log (content_hash, log_name, result_key, disposition, processed_at)
                values (?, ?, ?, ?, ?)""")) {
            ps.setString(1, contentHash);
            ps.setString(2, logName);
            ps.setString(3, mail.key().value());
            ps.setString(4, disposition.id());
            ps.setObject(5, ts(now));
            ps.executeUpdate();
        }
        return new Acceptance(disposition, mail.key().value(), known ? mail.key().value() : null);
    }


    /**
     * Claims up to {@code limit} due mails for {@code owner}: pending mails whose time has come,
     * and mails whose previous owner's lease ran out. Rows another instance is claiming at the
     * same moment are skipped, not waited for.
     */
    public List<OutboxMail> claim(String owner, int limit, java.time.Duration lease) throws StoreException {
        Instant now = clock.instant();
        try {
            return db.inTransaction(c -> {
                // two queries, each through the index by state, rather than one whose "or" made
                // it read and sort the whole outbox; then the first "limit" of both, by due time
                record Due(long id, Instant at) {}
                List<Due> due = new ArrayList<>();
                for (String sql : List.of("""
                        select id, next_attempt_at from outbox where state = 'pending' and next_attempt_at <= ?
                        order by state, next_attempt_at, id fetch first ? rows only""", """
                        select id, next_attempt_at from outbox where state = 'sending' and lease_until < ?
                        order by next_attempt_at, id fetch first ? rows only""")) {
                    try (PreparedStatement ps = c.prepareStatement(sql + db.dialect().skipLocked())) {
                        ps.setObject(1, ts(now));
                        ps.setInt(2, limit);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                due.add(new Due(rs.getLong(1), instant(rs, 2)));
                            }
                        }
                    }
                }
                List<Long> dueIds = due.stream()
                        .sorted(java.util.Comparator.comparing(Due::at).thenComparingLong(Due::id))
                        .limit(limit).map(Due::id).toList();
                if (dueIds.isEmpty()) {
                    return List.of();
                }
                List<Long> claimed = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "update outbox set state = 'sending', claimed_by = ?, lease_until = ?, updated_at = ? where id = ?"
                        + " and (state = 'pending' and next_attempt_at <= ? or state = 'sending' and lease_until < ?)")) {
                    for (long id : dueIds) {
                        ps.setString(1, owner);
                        ps.setObject(2, ts(now.plus(lease)));
                        ps.setObject(3, ts(now));
                        ps.setLong(4, id);
                        ps.setObject(5, ts(now));
                        ps.setObject(6, ts(now));
                        ps.addBatch();
                    }
                    // a mail that changed since it was read (an operator's command) is not claimed
                    int[] counts = ps.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] != 0) {
                            claimed.add(dueIds.get(i));
                        }
                    }
                }
                return claimed.isEmpty() ? List.of() : load(c, claimed);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot claim mails from the outbox: " + e.getMessage(), e);
        }
    }

    /** The mails with these ids, in the given order, recipients included. */
    List<OutboxMail> load(Connection c, List<Long> ids) throws SQLException {
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        Map<Long, List<OutboxRecipient>> recipients = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select outbox_id, position, address, name, field, reasons, state, last_error, kind from outbox_recipient where outbox_id in ("
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
                            OutboxRecipient.State.valueOf(rs.getString(7).toUpperCase(Locale.ROOT)), rs.getString(8)));
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
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** One mail by its result key's short id (the first 24 hex of its SHA-256), if stored. */
    public Optional<OutboxMail> find(String shortId) throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select id from outbox where key_hash like ?")) {
            ps.setString(1, shortId.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids.size() == 1 ? load(c, ids).stream().findFirst() : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read mail " + shortId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the outcome of a delivery attempt in one transaction: the mail's state, its
     * recipients' states and the ledger. Returns false, changing nothing, when {@code owner}
     * no longer holds the mail (its lease ran out and another instance took it).
     */
    public boolean update(MailUpdate u) throws StoreException {
        Instant now = clock.instant();
        try {
            return db.inTransaction(c -> apply(c, List.of(new Outcome(u, now)))[0]);
        } catch (SQLException e) {
            throw new StoreException("cannot record the delivery of mail " + u.id() + ": " + e.getMessage(), e);
        }
    }

    /** A delivery attempt's outcome and the time it is recorded at. */
    record Outcome(MailUpdate update, Instant at) {}

    /** Rows of the sent ledger written by one statement, at most. */
    private static final int LEDGER_ROWS = 100;

    /**
     * Writes these outcomes on {@code c}: each mail's row, its recipients and its ledger entries,
     * one statement each for all the mails. An outcome whose {@code owner} no longer holds the
     * mail changes nothing, and is false in the result.
     */
    static boolean[] apply(Connection c, List<Outcome> outcomes) throws SQLException {
        boolean[] applied = new boolean[outcomes.size()];
        try (PreparedStatement ps = c.prepareStatement("""
                update outbox set state = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
                    claimed_by = null, lease_until = null, updated_at = ?,
                    sent_at = case when ? then ? else sent_at end
                where id = ? and state = 'sending' and claimed_by = ?""")) {
            for (Outcome o : outcomes) {
                MailUpdate u = o.update();
                ps.setString(1, u.state().id());
                ps.setInt(2, u.attempts());
                ps.setObject(3, ts(u.nextAttemptAt()));
                ps.setString(4, clip(u.lastError()));
                ps.setObject(5, ts(o.at()));
                ps.setBoolean(6, u.state() == OutboxState.SENT);
                ps.setObject(7, ts(o.at()));
                ps.setLong(8, u.id());
                ps.setString(9, u.owner());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                applied[i] = counts[i] == 1;
            }
        }
        boolean anyChange = false;
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_recipient set state = ?, last_error = ? where outbox_id = ? and position = ?")) {
            for (int i = 0; i < applied.length; i++) {
                if (!applied[i]) {
                    continue;
                }
                MailUpdate u = outcomes.get(i).update();
                for (var e : u.recipients().entrySet()) {
                    ps.setString(1, e.getValue().state().id());
                    ps.setString(2, clip(e.getValue().error()));
                    ps.setLong(3, u.id());
                    ps.setInt(4, e.getKey());
                    ps.addBatch();
                    anyChange = true;
                }
            }
            if (anyChange) {
                ps.executeBatch();
            }
        }
        record Row(long id, MailUpdate.LedgerEntry entry, Instant at) {}
        List<Row> ledger = new ArrayList<>();
        for (int i = 0; i < applied.length; i++) {
            if (applied[i]) {
                Outcome o = outcomes.get(i);
                o.update().ledger().forEach(e -> ledger.add(new Row(o.update().id(), e, o.at())));
            }
        }
        for (int from = 0; from < ledger.size(); from += LEDGER_ROWS) {
            List<Row> rows = ledger.subList(from, Math.min(ledger.size(), from + LEDGER_ROWS));
            try (PreparedStatement ps = c.prepareStatement("insert into sent_ledger (outbox_id, address, is_list, sent_at) values "
                    + placeholders(rows.size(), "(?, ?, ?, ?)"))) {
                int i = 1;
                for (Row r : rows) {
                    ps.setLong(i++, r.id());
                    ps.setString(i++, r.entry().address().toLowerCase(Locale.ROOT));
                    ps.setBoolean(i++, r.entry().list());
                    ps.setObject(i++, ts(r.at()));
                }
                ps.executeUpdate();
            }
        }
        return applied;
    }

    /**
     * Extends the lease on a claimed mail just before it is sent, so that the lease has to cover
     * one send rather than a whole batch. Returns false when {@code owner} no longer holds the
     * mail (its lease ran out and another instance claimed it): it must not be sent here.
     */
    public boolean renew(long id, String owner, java.time.Duration lease) throws StoreException {
        if (db.dialect().exclusive()) {
            // no other process can open an embedded database: nobody can take the mail over
            return true;
        }
        Instant now = clock.instant();
        return execute("update outbox set lease_until = ?, updated_at = ? where id = ? and state = 'sending' and claimed_by = ?",
                now.plus(lease), now, id, owner) == 1;
    }

    /** {@code n} copies of {@code one}, separated by commas. */
    private static String placeholders(int n, String one) {
        return String.join(", ", java.util.Collections.nCopies(n, one));
    }

    /** Gives a claimed mail back unchanged, to be sent by the next run. */
    public void release(long id, String owner) throws StoreException {
        execute("update outbox set state = 'pending', claimed_by = null, lease_until = null, updated_at = ?"
                + " where id = ? and state = 'sending' and claimed_by = ?", clock.instant(), id, owner);
    }

    /**
     * After a crash of the only process that uses an embedded database: the mails it left in
     * {@code sending} go back to pending at once instead of waiting for their lease. Does nothing on a shared
     * database, where the lease decides.
     *
     * @return how many mails were taken back
     */
    public int recoverAbandoned() throws StoreException {
        if (!db.dialect().exclusive()) {
            return 0;
        }
        return execute("update outbox set state = 'pending', claimed_by = null, lease_until = null, updated_at = ?"
                + " where state = 'sending'", clock.instant());
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
        Map<String, Long> out = new java.util.HashMap<>();
        List<String> lower = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();
        for (int from = 0; from < lower.size(); from += 500) {
            List<String> part = lower.subList(from, Math.min(lower.size(), from + 500));
            String in = part.stream().map(a -> "?").collect(Collectors.joining(","));
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "select address, count(*) from sent_ledger where address in (" + in + ") and not is_list and sent_at > ?"
                            + " group by address")) {
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

    /** Which of these addresses opted out (compared without case). */
    public Set<String> optedOut(Collection<String> addresses) throws StoreException {
        Set<String> out = new HashSet<>();
        if (addresses.isEmpty()) {
            return out;
        }
        List<String> lower = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();
        String in = lower.stream().map(a -> "?").collect(Collectors.joining(","));
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select address from opt_out where address in (" + in + ")")) {
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

    /** Adds an address to the opt-out list; returns false when it was on it already. */
    public boolean optOut(String address, String note) throws StoreException {
        String a = address.toLowerCase(Locale.ROOT);
        if (!optedOut(List.of(a)).isEmpty()) {
            return false;
        }
        execute("insert into opt_out (address, note, added_at) values (?, ?, ?)", a, note, clock.instant());
        return true;
    }

    /** Records a setup problem that pauses delivery until {@code retryAt}. */
    public void setSetupProblem(String text, Instant retryAt) throws StoreException {
        Instant now = clock.instant();
        Optional<SetupProblem> old = setupProblem();
        execute("delete from delivery_status where name = 'setup-problem'");
        execute("insert into delivery_status (name, text_value, until_at, updated_at) values ('setup-problem', ?, ?, ?)",
                clip(text), retryAt, old.map(SetupProblem::since).orElse(now));
    }

    public void clearSetupProblem() throws StoreException {
        execute("delete from delivery_status where name = 'setup-problem'");
    }

    public Optional<SetupProblem> setupProblem() throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "select text_value, updated_at, until_at from delivery_status where name = 'setup-problem'");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new SetupProblem(rs.getString(1), instant(rs, 2), instant(rs, 3))) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read the delivery status: " + e.getMessage(), e);
        }
    }

    /** Counts per state, the oldest unsent mail and any setup problem. */
    public OutboxSummary summary() throws StoreException {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("select state, count(*) from outbox group by state");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(OutboxState.of(rs.getString(1)), rs.getLong(2));
                }
            }
            Instant oldest;
            try (PreparedStatement ps = c.prepareStatement(
                    "select min(created_at) from outbox where state in ('pending', 'sending')");
                    ResultSet rs = ps.executeQuery()) {
                oldest = rs.next() ? instant(rs, 1) : null;
            }
            return new OutboxSummary(counts, Optional.ofNullable(oldest), setupProblem());
        } catch (SQLException e) {
            throw new StoreException("cannot count the outbox: " + e.getMessage(), e);
        }
    }

    /** Mails in one state, oldest first, at most {@code limit}. */
    public List<OutboxMail> inState(OutboxState state, int limit) throws StoreException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "select id from outbox where state = ? order by created_at, id fetch first ? rows only")) {
            ps.setString(1, state.id());
            ps.setInt(2, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.isEmpty() ? List.of() : load(c, ids);
        } catch (SQLException e) {
            throw new StoreException("cannot list " + state.id() + " mails: " + e.getMessage(), e);
        }
    }

    private long count(String sql, Object... args) throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the sent ledger: " + e.getMessage(), e);
        }
    }

    private int execute(String sql, Object... args) throws StoreException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update the outbox: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setObject(i + 1, ts(t));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static OffsetDateTime ts(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR - 3) + "...";
    }

    /** Stores the message of the mail with this id, apart from its row, which changes at every step. */
    static void insertMessage(Connection c, long id, byte[] message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into outbox_message (outbox_id, message) values (?, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, message);
            ps.executeUpdate();
        }
    }

    /** The recipient rows of a new outbox row, in order, each {@code pending}. */
    static void insertRecipients(Connection c, long id, List<Recipient> recipients) throws SQLException {
        if (recipients.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outbox_recipient (outbox_id, position, address, name, field, reasons, state, kind)
                values (?, ?, ?, ?, ?, ?, 'pending', ?)""")) {
            int pos = 0;
            for (Recipient r : recipients) {
                ps.setLong(1, id);
                ps.setInt(2, pos++);
                ps.setString(3, r.address());
                ps.setString(4, r.name());
                ps.setString(5, r.field().id());
                ps.setString(6, r.reasons().stream().map(s -> s.replace('\n', ' ')).collect(Collectors.joining("\n")));
                ps.setString(7, r.kind().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}

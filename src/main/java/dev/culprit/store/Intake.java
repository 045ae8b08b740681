package dev.culprit.store;

import static dev.culprit.store.OutboxRows.ts;

import dev.culprit.model.PreparedMail;
import dev.culprit.model.Verdict;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mails coming into the outbox, and what keeps them from coming in twice: a log content
 * processed before, or a result key stored before, stores nothing new.
 */
public final class Intake {
    /** SQLSTATE of a unique key violation. */
    static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class 22: the database refused a value (too long, a character it cannot hold, ...). */
    private static final String DATA_EXCEPTION = "22";

    /**
     * Whether the store refused the data of a result (SQLSTATE class 22: a value too long, a NUL
     * that PostgreSQL text cannot hold) rather than failed to answer: storing it again will fail
     * again, so its log goes to {@code failed/} instead of waiting.
     */
    public static boolean refusedTheData(StoreException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith(DATA_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    private final Database db;
    private final Clock clock;

    public Intake(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A prepared mail with the log it came from, for {@link #acceptAll}. */
    public record Arrival(PreparedMail mail, String logName, String contentHash) {}

    /** The log name under which this content was first processed, if it was. */
    public Optional<String> processedAs(String contentHash) throws StoreException {
        try (Connection c = db.connection()) {
            return processedAs(c, contentHash);
        } catch (SQLException e) {
            throw new StoreException("cannot look up log content " + contentHash + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> processedAs(Connection c, String contentHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select log_name from processed_log where content_hash = ?")) {
            ps.setString(1, contentHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
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

    /**
     * Runs {@code work} in a transaction, once more when it collides with a unique key: another
     * instance stored the same content or result at the same moment, and the second pass sees it
     * and reports a duplicate.
     */
    private <T> T storeOnce(Database.SqlWork<T, RuntimeException> work, Supplier<String> what) throws StoreException {
        for (int attempt = 0; ; attempt++) {
            try {
                return db.inTransaction(work);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) && attempt == 0) {
                    continue;
                }
                throw new StoreException(what.get() + ": " + e.getMessage(), e);
            }
        }
    }

    private Acceptance accept(Connection c, PreparedMail mail, String logName, String contentHash) throws SQLException {
        Instant now = clock.instant();
        Optional<String> before = processedAs(c, contentHash);
        if (before.isPresent()) {
            return new Acceptance(Acceptance.Disposition.DUPLICATE_CONTENT, mail.key().value(), before.get());
        }
        boolean known = OutboxRows.idOf(c, mail.key()).isPresent();
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
            long id = OutboxRows.insert(c, new OutboxRows.NewMail(mail.key(), mail.messageId(), logName, mail.subject(),
                    mail.verdict(), state, mail.message(), mail.recipients()), now);
            if (state == OutboxState.HELD) {
                HeldResults.record(c, id, mail, now);
            }
            ResultBlames.record(c, mail, now);
            ResultFacts.record(c, id, mail);
            CulpritThreads.record(c, id, mail);
            ResultSummaries.record(c, id, mail);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into processed_log (content_hash, log_name, result_key, result_key_hash, disposition, processed_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, contentHash);
            ps.setString(2, logName);
            ps.setString(3, mail.key().value());
            ps.setString(4, mail.key().sha256());
            ps.setString(5, disposition.id());
            ps.setObject(6, ts(now));
            ps.executeUpdate();
        }
        return new Acceptance(disposition, mail.key().value(), known ? mail.key().value() : null);
    }
}

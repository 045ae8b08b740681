package dev.culprit.store;

import java.time.Clock;

/**
 * The durable outbox over JDBC: mails are stored before they are sent, claimed with a lease so
 * that one instance sends each, and every state change is one committed transaction.
 *
 * <p>Each responsibility is a class of its own, reached from here: {@link Intake} (intake and
 * dedupe), {@link Claims} (claims and leases), {@link Outcomes} (outcome writes),
 * {@link SentLedger} (what the caps count), {@link OutboxStatus} (summaries, lookups, the setup
 * problem) and {@link OptOutList} (the stored opt-outs). One {@code Outbox} per database holds
 * one of each, all over the same database and clock.
 */
public final class Outbox {
    private final Database db;
    private final Intake intake;
    private final Claims claims;
    private final Outcomes outcomes;
    private final SentLedger ledger;
    private final OutboxStatus status;
    private final OptOutList optOuts;
    private final ResultBlames blames;
    private final CulpritThreads threads;
    private final ReplyRecords replies;
    private final ResultSuppressions suppressions;

    public Outbox(Database db, Clock clock) {
        this.db = db;
        this.intake = new Intake(db, clock);
        this.claims = new Claims(db, clock);
        this.outcomes = new Outcomes(db, clock);
        this.ledger = new SentLedger(db);
        this.status = new OutboxStatus(db, clock);
        this.optOuts = new OptOutList(db, clock);
        this.blames = new ResultBlames(db);
        this.threads = new CulpritThreads(db);
        this.replies = new ReplyRecords(db, clock);
        this.suppressions = new ResultSuppressions(db, clock);
    }

    public Database database() {
        return db;
    }

    public Intake intake() {
        return intake;
    }

    public Claims claims() {
        return claims;
    }

    public Outcomes outcomes() {
        return outcomes;
    }

    public SentLedger ledger() {
        return ledger;
    }

    public OutboxStatus status() {
        return status;
    }

    public OptOutList optOuts() {
        return optOuts;
    }

    /** Which commits the stored cause results blamed. */
    public ResultBlames blames() {
        return blames;
    }

    /** The first mail each culprit was blamed in, for one thread per culprit. */
    public CulpritThreads threads() {
        return threads;
    }

    /** The record of handled replies: each is handled once. */
    public ReplyRecords replies() {
        return replies;
    }

    /** Who asked for no more mail about a result ({@code #culprit uncc}). */
    public ResultSuppressions suppressions() {
        return suppressions;
    }
}

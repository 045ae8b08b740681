package dev.culprit.store;

import dev.culprit.model.PreparedMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable outbox over JDBC: mails are stored before they are sent, claimed with a lease so
 * that one instance sends each, and every state change is one committed transaction.
 *
 * <p>Each responsibility is a class of its own, reached from here: {@link Intake} (intake and
 * dedupe), {@link Claims} (claims and leases), {@link Outcomes} (outcome writes),
 * {@link SentLedger} (what the caps count), {@link OutboxStatus} (summaries, lookups, the setup
 * problem) and {@link OptOutList} (the stored opt-outs). The methods below hand each call to its
 * part.
 */
public final class Outbox {
    private final Database db;
    private final Intake intake;
    private final Claims claims;
    private final Outcomes outcomes;
    private final SentLedger ledger;
    private final OutboxStatus status;
    private final OptOutList optOuts;

    public Outbox(Database db, Clock clock) {
        this.db = db;
        this.intake = new Intake(db, clock);
        this.claims = new Claims(db, clock);
        this.outcomes = new Outcomes(db, clock);
        this.ledger = new SentLedger(db);
        this.status = new OutboxStatus(db, clock);
        this.optOuts = new OptOutList(db, clock);
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
        return new ResultBlames(db);
    }

    /** See {@link Intake#processedAs}. */
    public Optional<String> processedAs(String contentHash) throws StoreException {
        return intake.processedAs(contentHash);
    }

    /** See {@link Intake#accept}. */
    public Acceptance accept(PreparedMail mail, String logName, String contentHash) throws StoreException {
        return intake.accept(mail, logName, contentHash);
    }

    /** See {@link Intake#acceptAll}. */
    public List<Acceptance> acceptAll(List<Intake.Arrival> arrivals) throws StoreException {
        return intake.acceptAll(arrivals);
    }

    /** See {@link Claims#claim}. */
    public List<OutboxMail> claim(String owner, int limit, Duration lease) throws StoreException {
        return claims.claim(owner, limit, lease);
    }

    /** See {@link Claims#renew}. */
    public boolean renew(long id, String owner, Duration lease) throws StoreException {
        return claims.renew(id, owner, lease);
    }

    /** See {@link Claims#release}. */
    public void release(long id, String owner) throws StoreException {
        claims.release(id, owner);
    }

    /** See {@link Claims#recoverAbandoned}. */
    public int recoverAbandoned() throws StoreException {
        return claims.recoverAbandoned();
    }

    /** See {@link Outcomes#update}. */
    public boolean update(MailUpdate u) throws StoreException {
        return outcomes.update(u);
    }

    /** See {@link SentLedger#mailsSentSince}. */
    public long mailsSentSince(Instant since) throws StoreException {
        return ledger.mailsSentSince(since);
    }

    /** See {@link SentLedger#personalMailsSince(String, Instant)}. */
    public long personalMailsSince(String address, Instant since) throws StoreException {
        return ledger.personalMailsSince(address, since);
    }

    /** See {@link SentLedger#personalMailsSince(Collection, Instant)}. */
    public Map<String, Long> personalMailsSince(Collection<String> addresses, Instant since) throws StoreException {
        return ledger.personalMailsSince(addresses, since);
    }

    /** See {@link SentLedger#oldestSentSince}. */
    public Optional<Instant> oldestSentSince(String addressOrNull, Instant since) throws StoreException {
        return ledger.oldestSentSince(addressOrNull, since);
    }

    /** See {@link OptOutList#optedOut}. */
    public Set<String> optedOut(Collection<String> addresses) throws StoreException {
        return optOuts.optedOut(addresses);
    }

    /** See {@link OutboxStatus#setSetupProblem}. */
    public void setSetupProblem(String text, Instant retryAt) throws StoreException {
        status.setSetupProblem(text, retryAt);
    }

    /** See {@link OutboxStatus#clearSetupProblem}. */
    public void clearSetupProblem() throws StoreException {
        status.clearSetupProblem();
    }

    /** See {@link OutboxStatus#setupProblem}. */
    public Optional<SetupProblem> setupProblem() throws StoreException {
        return status.setupProblem();
    }

    /** See {@link OutboxStatus#summary}. */
    public OutboxSummary summary() throws StoreException {
        return status.summary();
    }

    /** See {@link OutboxStatus#inState}. */
    public List<OutboxMail> inState(OutboxState state, int limit) throws StoreException {
        return status.inState(state, limit);
    }

    /** See {@link OutboxStatus#find}. */
    public Optional<OutboxMail> find(String shortId) throws StoreException {
        return status.find(shortId);
    }
}

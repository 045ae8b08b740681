package dev.culprit.spool;

import dev.culprit.assess.Blames;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Sha256;
import dev.culprit.model.Signal;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.store.Acceptance;
import dev.culprit.store.Outbox;
import dev.culprit.store.Intake.Arrival;
import dev.culprit.store.Intake;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the spool: claim each ready log, turn it into a mail, store the mail in the
 * outbox, archive the log. The outbox commit comes before the log leaves {@code work/}, and a
 * log content is recorded as processed in the same transaction, so a crash at any point leads
 * to the same single mail after a restart.
 *
 * <p>In read-only mode (dry run) nothing in the spool moves: logs are read where they lie, and
 * what would have been moved is only logged.
 */
public final class SpoolScanner {
    private static final Logger log = LoggerFactory.getLogger(SpoolScanner.class);
    /** The most logs stored in one transaction. */
    static final int GROUP = 32;

    private final SpoolDirectory spool;
    private final LogProcessor processor;
    private final Outbox outbox;
    private final boolean readOnly;
    private final ServiceEvents events;
    /** Recovery stopped at a log the store could not take: the rest of {@code work/} waits for the next scan. */
    private volatile boolean workLeft;

    public SpoolScanner(SpoolDirectory spool, LogProcessor processor, Outbox outbox, boolean readOnly) {
        this(spool, processor, outbox, readOnly, ServiceEvents.NONE);
    }

    /** @param events told about every log processed and every mail held (metrics, watchdog) */
    public SpoolScanner(SpoolDirectory spool, LogProcessor processor, Outbox outbox, boolean readOnly, ServiceEvents events) {
        this.spool = spool;
        this.processor = processor;
        this.outbox = outbox;
        this.readOnly = readOnly;
        this.events = events;
    }

    public SpoolDirectory spool() {
        return spool;
    }

    /** Processes again what a crash left in {@code work/}. */
    public ScanResult recover(BooleanSupplier stopping) throws IOException {
        if (readOnly && !java.nio.file.Files.isDirectory(spool.work())) {
            return ScanResult.EMPTY;
        }
        List<Path> left = spool.inWork();
        if (!left.isEmpty()) {
            log.info("processing {} log(s) left in {} by an earlier run", left.size(), spool.work());
        }
        ScanResult r = ScanResult.EMPTY;
        for (Path p : left) {
            if (stopping.getAsBoolean()) {
                break;
            }
            r = r.plus(process(p));
            if (r.deferred() > 0) {
                break;
            }
        }
        workLeft = r.deferred() > 0;
        return r;
    }

    /**
     * Claims and processes every ready log in {@code inbox/}, stopping early when asked to.
     * Logs are prepared one by one and stored in groups of up to {@value #GROUP}, one transaction
     * per group; a group is stored as soon as no more logs are ready, so a lone log does not wait.
     */
    public ScanResult scan(BooleanSupplier stopping) throws IOException {
        if (readOnly && !java.nio.file.Files.isDirectory(spool.inbox())) {
            log.warn("spool {} has no inbox folder; nothing to read", spool.root());
            return ScanResult.EMPTY;
        }
        ScanResult r = ScanResult.EMPTY;
        if (workLeft) {
            // a recovery cut short by the store: the logs it left in work/ are this process's, take them up now
            r = recover(stopping);
        }
        List<Prepared> group = new ArrayList<>();
        for (Path p : spool.ready()) {
            if (stopping.getAsBoolean()) {
                break;
            }
            Optional<Path> claimed = readOnly ? Optional.of(p) : spool.claim(p);
            if (claimed.isEmpty()) {
                continue;
            }
            Path file = claimed.get();
            Prepared prepared;
            try {
                prepared = prepare(file);
                if (sharesCulprit(group, prepared)) {
                    // one thread per culprit: the first mail must be stored before the next one looks for it
                    r = r.plus(store(group));
                    group.clear();
                    prepared = prepare(file);
                }
            } catch (StoreException e) {
                r = r.plus(store(group)).plus(reported(file, deferred(file, e.getMessage())));
                group.clear();
                break;
            }
            if (prepared.finished() != null) {
                r = r.plus(reported(file, prepared.finished()));
                continue;
            }
            group.add(prepared);
            if (group.size() >= GROUP) {
                r = r.plus(store(group));
                group.clear();
                if (r.deferred() > 0) {
                    break;
                }
            }
        }
        return r.plus(store(group));
    }

    /** Whether a mail waiting in {@code group} blames the same commit as {@code prepared}. */
    private static boolean sharesCulprit(List<Prepared> group, Prepared prepared) {
        String culprit = culprit(prepared);
        return culprit != null && group.stream().anyMatch(g -> culprit.equals(culprit(g)));
    }

    private static String culprit(Prepared p) {
        return p.arrival() == null || p.arrival().mail().report() == null ? null : Blames.culprit(p.arrival().mail().report());
    }

    /** A log read and turned into a mail, waiting to be stored; or, in {@code finished}, what became of it already. */
    private record Prepared(Path file, String name, Arrival arrival, ScanResult finished) {}

    private Prepared prepare(Path file) throws IOException, StoreException {
        String name = displayName(file);
        try {
            byte[] bytes = spool.read(file);
            String hash = Sha256.hex(bytes);
            Optional<String> seen = outbox.intake().processedAs(hash);
            if (seen.isPresent()) {
                log.info("{}: same content as {}, processed before; nothing new to mail", name, seen.get());
                done(file);
                return new Prepared(file, name, null, new ScanResult(0, 0, 0, 1, 0, 0));
            }
            byte[] sidecar = spool.readSidecar(file);
            PreparedMail mail = processor.prepare(name, bytes, sidecar);
            return new Prepared(file, name, new Arrival(mail, name, hash), null);
        } catch (LogRejectedException e) {
            failed(file, name, e.getMessage());
            return new Prepared(file, name, null, new ScanResult(0, 0, 0, 0, 1, 0));
        } catch (StoreUnavailableException e) {
            return new Prepared(file, name, null, deferred(file, e.getMessage()));
        } catch (RuntimeException e) {
            log.error("{}: processing failed unexpectedly", name, e);
            failed(file, name, "internal error while processing: " + e);
            return new Prepared(file, name, null, new ScanResult(0, 0, 0, 0, 1, 0));
        }
    }

    /** Stores a group in one transaction, then archives its logs. */
    private ScanResult store(List<Prepared> group) throws IOException {
        if (group.isEmpty()) {
            return ScanResult.EMPTY;
        }
        List<Acceptance> accepted;
        try {
            accepted = outbox.intake().acceptAll(group.stream().map(Prepared::arrival).toList());
        } catch (StoreException e) {
            ScanResult r = ScanResult.EMPTY;
            boolean refused = Intake.refusedTheData(e);
            for (Prepared p : group) {
                // a log whose result the store refuses must not hold back the others of its group
                r = r.plus(refused && group.size() > 1 ? store(List.of(p))
                        : reported(p.file(), refused ? refused(p, e) : deferred(p.file(), e.getMessage())));
            }
            return r;
        }
        ScanResult r = ScanResult.EMPTY;
        for (int i = 0; i < group.size(); i++) {
            Prepared p = group.get(i);
            done(p.file());
            r = r.plus(reported(p.file(), outcome(p.name(), p.arrival().mail(), accepted.get(i))));
        }
        return r;
    }

    private ScanResult refused(Prepared p, StoreException e) throws IOException {
        failed(p.file(), p.name(), "the store refused its result: " + e.getMessage());
        return new ScanResult(0, 0, 0, 0, 1, 0);
    }

    private ScanResult deferred(Path file, String why) throws IOException {
        log.error("{}: the store is unavailable, the log waits for the next scan: {}", displayName(file), why);
        if (!readOnly) {
            spool.unclaim(file);
        }
        return new ScanResult(0, 0, 0, 0, 0, 1);
    }

    private static String displayName(Path file) {
        return SpoolDirectory.badName(file.getFileName().toString()).isPresent()
                ? SpoolDirectory.escape(file.getFileName().toString())
                : file.getFileName().toString();
    }

    private ScanResult outcome(String name, PreparedMail mail, Acceptance a) {
        String id = mail.key().shortId();
        return switch (a.disposition()) {
            case QUEUED -> {
                log.info("{}: result {} queued for {} recipient(s)", name, id, mail.recipients().size());
                yield new ScanResult(1, 0, 0, 0, 0, 0);
            }
            case HELD -> {
                log.info("{}: result {} held for moderation", name, id);
                events.mailHeld(id, heldFor(mail));
                yield new ScanResult(0, 1, 0, 0, 0, 0);
            }
            case SKIPPED -> {
                log.info("{}: result {} not mailed: verdict skip", name, id);
                yield new ScanResult(0, 0, 1, 0, 0, 0);
            }
            case DUPLICATE_CONTENT -> {
                log.info("{}: same content as {}, processed before; nothing new to mail", name, a.duplicateOf());
                yield new ScanResult(0, 0, 0, 1, 0, 0);
            }
            case DUPLICATE_RESULT -> {
                log.info("{}: result {} is already in the outbox; nothing new to mail", name, id);
                yield new ScanResult(0, 0, 0, 1, 0, 0);
            }
        };
    }

    /** Processes one log on its own (recovery after a crash). */
    private ScanResult process(Path file) throws IOException {
        Prepared p;
        try {
            p = prepare(file);
        } catch (StoreException e) {
            return reported(file, deferred(file, e.getMessage()));
        }
        return p.finished() != null ? reported(file, p.finished()) : store(List.of(p));
    }

    /** Tells the events what became of one log: queued, held, skipped, duplicate, failed or deferred. */
    private ScanResult reported(Path file, ScanResult one) {
        String outcome = one.queued() > 0 ? "queued" : one.held() > 0 ? "held" : one.skipped() > 0 ? "skipped"
                : one.duplicates() > 0 ? "duplicate" : one.failed() > 0 ? "failed" : "deferred";
        events.logProcessed(SpoolDirectory.escape(file.getFileName().toString()), outcome);
        return one;
    }

    /** The id of the heaviest signal that held a mail ({@code merge-commit}), a small fixed set. */
    private static String heldFor(PreparedMail mail) {
        return mail.assessment().signals().stream().max(Comparator.comparingDouble(Signal::weight))
                .map(Signal::id).orElse("moderation");
    }

    private void done(Path file) throws IOException {
        if (!readOnly) {
            spool.toDone(file);
        }
    }

    private void failed(Path file, String name, String reason) throws IOException {
        if (readOnly) {
            log.warn("{}: would go to failed/: {}", name, reason);
        } else {
            Path to = spool.toFailed(file, reason);
            log.warn("{}: moved to {}: {}", name, to, reason);
        }
    }
}

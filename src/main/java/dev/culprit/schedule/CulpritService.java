package dev.culprit.schedule;

import dev.culprit.mail.BatchResult;
import dev.culprit.mail.Deliverer;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.spool.ScanResult;
import dev.culprit.spool.SpoolScanner;
import dev.culprit.store.Outbox;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's two jobs over one spool and one outbox: fill the outbox from the spool, drain the
 * outbox to the mail server. Both stop between two logs or two mails once {@link #stop()} was
 * called, never in the middle of one.
 */
public final class CulpritService {
    private static final Logger log = LoggerFactory.getLogger(CulpritService.class);

    private final SpoolScanner scanner;
    private final Deliverer deliverer;
    private final Outbox outbox;
    private final ServiceEvents events;
    private final Clock clock;
    private final AfterScan afterScan;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** Work that follows every scan, such as queueing notices about held mails. */
    @FunctionalInterface
    public interface AfterScan {
        void run() throws StoreException;
    }

    public CulpritService(SpoolScanner scanner, Deliverer deliverer, Outbox outbox) {
        this(scanner, deliverer, outbox, () -> { });
    }

    public CulpritService(SpoolScanner scanner, Deliverer deliverer, Outbox outbox, AfterScan afterScan) {
        this(scanner, deliverer, outbox, ServiceEvents.NONE, Clock.systemUTC(), afterScan);
    }

    /**
     * @param events told when scans and deliveries start and finish (metrics, watchdog)
     * @param afterScan work that follows every scan, such as queueing notices about held mails
     */
    public CulpritService(SpoolScanner scanner, Deliverer deliverer, Outbox outbox, ServiceEvents events, Clock clock,
            AfterScan afterScan) {
        this.scanner = scanner;
        this.deliverer = deliverer;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.afterScan = afterScan;
    }

    /** What {@link #once()} did. */
    public record OnceResult(ScanResult scan, BatchResult delivery) {}

    /** One pass of both jobs: recovery, a scan of the inbox, then delivery of everything due. */
    public OnceResult once() throws IOException, StoreException {
        ScanResult scanned = recover().plus(scan());
        return new OnceResult(scanned, deliver());
    }

    /** After a crash: mails left in {@code sending} and logs left in {@code work/} are taken up again. */
    public ScanResult recover() throws IOException, StoreException {
        int back = outbox.claims().recoverAbandoned();
        if (back > 0) {
            log.info("{} mail(s) interrupted while sending by an earlier run are pending again", back);
        }
        ScanResult r = scanner.recover(stopping::get);
        afterScan();
        return r;
    }

    /** One pass over the inbox. */
    public ScanResult scan() throws IOException {
        events.scanStarted();
        ScanResult r = scanner.scan(stopping::get);
        afterScan();
        events.scanFinished(clock.instant());
        return r;
    }

    private void afterScan() {
        try {
            afterScan.run();
        } catch (StoreException e) {
            // tried again after the next scan
            log.error("after the spool scan: {}", e.getMessage());
        }
    }

    /** Sends batches over one connection until nothing is due, delivery is paused, or the service stops. */
    public BatchResult deliver() throws StoreException {
        events.deliveryStarted();
        BatchResult total = deliverer.deliverAll(stopping::get);
        events.deliveryFinished();
        return total;
    }

    /** In a cluster: this node checks in and the cluster's jobs run (for the watchdog). */
    void clusterActive(String what) {
        events.clusterActive(what);
    }

    /** Asks both jobs to stop after the log or mail in hand. */
    public void stop() {
        stopping.set(true);
    }

    public boolean stopping() {
        return stopping.get();
    }
}

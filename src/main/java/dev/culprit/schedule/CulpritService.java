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
    private final AtomicBoolean stopping = new AtomicBoolean();

    public CulpritService(SpoolScanner scanner, Deliverer deliverer, Outbox outbox) {
        this(scanner, deliverer, outbox, ServiceEvents.NONE, Clock.systemUTC());
    }

    /** @param events told when scans and deliveries start and finish (metrics, watchdog) */
    public CulpritService(SpoolScanner scanner, Deliverer deliverer, Outbox outbox, ServiceEvents events, Clock clock) {
        this.scanner = scanner;
        this.deliverer = deliverer;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** After a crash: mails left in {@code sending} and logs left in {@code work/} are taken up again. */
    public ScanResult recover() throws IOException, StoreException {
        int back = outbox.recoverAbandoned();
        if (back > 0) {
            log.info("{} mail(s) interrupted while sending by an earlier run are pending again", back);
        }
        return scanner.recover(stopping::get);
    }

    /** One pass over the inbox. */
    public ScanResult scan() throws IOException {
        events.scanStarted();
        ScanResult r = scanner.scan(stopping::get);
        events.scanFinished(clock.instant());
        return r;
    }

    /** Sends batches until nothing is due, delivery is paused, or the service stops. */
    public BatchResult deliver() throws StoreException {
        events.deliveryStarted();
        BatchResult total = BatchResult.EMPTY;
        while (!stopping.get()) {
            BatchResult b = deliverer.deliverBatch(stopping::get);
            total = total.plus(b);
            if (b.claimed() == 0 || b.paused() != null || b.sent() + b.failed() + b.dropped() + b.retrying() == 0) {
                break;
            }
        }
        events.deliveryFinished();
        return total;
    }

    /** Asks both jobs to stop after the log or mail in hand. */
    public void stop() {
        stopping.set(true);
    }

    public boolean stopping() {
        return stopping.get();
    }
}

package dev.culprit.ops;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when the scheduler stops making progress, so that the service manager
 * ({@code Restart=on-failure}) starts a fresh one.
 *
 * <p>Progress is anything the jobs report through {@link #progress(String)}: a scan or a
 * delivery started or finished, a log processed, a mail sent. A long backlog that keeps moving
 * reports progress all the time and is not a stall; a job stuck in a call that never returns,
 * a dead scheduler thread or a deadlock is. The stall timeout must therefore be longer than the
 * longest quiet time of a healthy process: the scan interval plus the longest single step.
 */
public final class Watchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    /** The exit status of a process ended by the watchdog. */
    public static final int STALLED_EXIT_STATUS = 1;

    private final Duration stallTimeout;
    private final LongSupplier nanoTime;
    private final ExitAction exitAction;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile Beat last;
    private ScheduledExecutorService checker;

    /** What the watchdog does once it has decided the process is stuck. */
    @FunctionalInterface
    public interface ExitAction {
        void exit(int status, String reason);
    }

    private record Beat(long nanos, String what) {}

    /**
     * @param stallTimeout how long without progress is a stall
     * @param nanoTime a monotonic clock ({@code System::nanoTime})
     * @param exitAction what to do on a stall ({@link #exitProcess(Duration)} in the service)
     */
    public Watchdog(Duration stallTimeout, LongSupplier nanoTime, ExitAction exitAction) {
        if (stallTimeout == null || stallTimeout.isZero() || stallTimeout.isNegative()) {
            throw new IllegalArgumentException("stall-timeout: must be positive: " + stallTimeout);
        }
        this.stallTimeout = stallTimeout;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.exitAction = Objects.requireNonNull(exitAction, "exitAction");
        this.last = new Beat(nanoTime.getAsLong(), "started");
    }

    /** Records that the scheduler made progress ({@code "scan finished"}, {@code "mail sent"}). */
    public void progress(String what) {
        last = new Beat(nanoTime.getAsLong(), what);
    }

    /** How long since the last progress. */
    public Duration quietFor() {
        return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - last.nanos()));
    }

    public Duration stallTimeout() {
        return stallTimeout;
    }

    /** For {@code /health}: unhealthy once the process has been quiet for the stall timeout. */
    public Health health() {
        Beat b = last;
        Duration quiet = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - b.nanos()));
        boolean stalled = quiet.compareTo(stallTimeout) >= 0;
        return new Health(!stalled, "last progress " + seconds(quiet) + " ago: " + b.what()
                + (stalled ? " (stall timeout " + seconds(stallTimeout) + ")" : ""));
    }

    /**
     * Checks once; on a stall runs the exit action (only the first time) and returns true.
     * The checker thread calls this; tests call it with a controlled clock.
     */
    public boolean check() {
        Beat b = last;
        Duration quiet = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - b.nanos()));
        if (quiet.compareTo(stallTimeout) < 0) {
            return false;
        }
        if (fired.compareAndSet(false, true)) {
            String reason = "no progress for " + seconds(quiet) + " (stall timeout " + seconds(stallTimeout)
                    + "); last progress: " + b.what();
            log.error("scheduler stalled: {}; exiting with status {} so that the service manager restarts culprit",
                    reason, STALLED_EXIT_STATUS);
            exitAction.exit(STALLED_EXIT_STATUS, reason);
        }
        return true;
    }

    /** Starts the checker thread, which looks a few times per stall timeout (at least once a minute). */
    public synchronized void start() {
        if (checker != null) {
            return;
        }
        long periodMillis = Math.max(10, Math.min(stallTimeout.toMillis() / 4, 60_000));
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "culprit-watchdog");
            t.setDaemon(true);
            return t;
        });
        checker.scheduleWithFixedDelay(this::checkLogged, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        log.info("watchdog: the process exits when the scheduler makes no progress for {}", seconds(stallTimeout));
    }

    private void checkLogged() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("watchdog check failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.shutdownNow();
            checker = null;
        }
    }

    /**
     * The exit action of the service: {@link System#exit} (shutdown hooks run: the scheduler is
     * asked to stop), and if the process is still alive after {@code grace} because a hook hangs
     * on the stuck job, {@link Runtime#halt}.
     */
    public static ExitAction exitProcess(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        return (status, reason) -> {
            Thread halter = new Thread(() -> {
                try {
                    Thread.sleep(grace.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(status);
            }, "culprit-watchdog-halt");
            halter.setDaemon(true);
            halter.start();
            Thread exiter = new Thread(() -> System.exit(status), "culprit-watchdog-exit");
            exiter.start();
        };
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 1 ? d.toMillis() + "ms" : s + "s";
    }
}

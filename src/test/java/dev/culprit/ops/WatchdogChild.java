package dev.culprit.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A process guarded by a {@link Watchdog}, started by {@link WatchdogIT}. Modes: {@code stall} (no
 * progress ever, 300 ms stall timeout), {@code hung-hook} (no progress and a shutdown hook that
 * never returns, 300 ms stall timeout), {@code moving} (progress every 50 ms for three times the
 * stall timeout of 2 s, then a normal exit with status 0). The moving process gets the longer
 * timeout so that a scheduling pause on a loaded machine is not mistaken for a stall.
 */
final class WatchdogChild {
    private static final Duration MOVING_STALL_TIMEOUT = Duration.ofSeconds(2);

    public static void main(String[] args) throws InterruptedException {
        Duration stallTimeout = args[0].equals("moving") ? MOVING_STALL_TIMEOUT : Duration.ofMillis(300);
        Watchdog watchdog = new Watchdog(stallTimeout, System::nanoTime, Watchdog.exitProcess(Duration.ofMillis(500)));
        CountDownLatch forever = new CountDownLatch(1);
        switch (args[0]) {
            case "stall" -> {
                watchdog.start();
                forever.await();
            }
            case "hung-hook" -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        forever.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                watchdog.start();
                forever.await();
            }
            case "moving" -> {
                ScheduledExecutorService jobs = Executors.newSingleThreadScheduledExecutor();
                jobs.scheduleAtFixedRate(() -> watchdog.progress("log processed"), 0, 50, TimeUnit.MILLISECONDS);
                watchdog.start();
                jobs.schedule(() -> System.exit(0), 3 * MOVING_STALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                forever.await();
            }
            default -> throw new IllegalArgumentException("unknown mode: " + args[0]);
        }
    }

    private WatchdogChild() {}
}

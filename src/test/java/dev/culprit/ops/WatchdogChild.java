package dev.culprit.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A process guarded by a {@link Watchdog} with a 300 ms stall timeout, started by
 * {@link WatchdogIT}. Modes: {@code stall} (no progress ever), {@code hung-hook} (no progress and
 * a shutdown hook that never returns), {@code moving} (progress every 50 ms for 1.5 s, then a
 * normal exit with status 0).
 */
final class WatchdogChild {
    public static void main(String[] args) throws InterruptedException {
        Watchdog watchdog = new Watchdog(Duration.ofMillis(300), System::nanoTime, Watchdog.exitProcess(Duration.ofMillis(500)));
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
                jobs.schedule(() -> System.exit(0), 1500, TimeUnit.MILLISECONDS);
                forever.await();
            }
            default -> throw new IllegalArgumentException("unknown mode: " + args[0]);
        }
    }

    private WatchdogChild() {}
}

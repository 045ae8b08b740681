package dev.culprit.schedule;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches {@code inbox/} and calls back when something arrives, so that a new log is picked up
 * within about a second. Only a hint: the timed scan still finds whatever the watch misses.
 */
final class InboxWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    private final WatchService watch;
    private final Thread thread;

    InboxWatcher(Path inbox, Runnable onChange) throws IOException {
        watch = FileSystems.getDefault().newWatchService();
        inbox.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        thread = new Thread(() -> loop(onChange), "culprit-inbox-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = watch.take();
                key.pollEvents();
                key.reset();
                onChange.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            log.debug("inbox watch closed");
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            log.debug("closing the inbox watch: {}", e.getMessage());
        }
    }
}

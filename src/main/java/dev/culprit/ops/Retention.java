package dev.culprit.ops;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what is old enough to forget: logs (and their sidecars) in the spool's {@code done/}
 * directory, and through {@link SentBodyPurger} the bodies of mails that were sent and the sent
 * ledger's old entries. It never looks anywhere else: pending and held mails and everything in
 * {@code failed/} stay.
 *
 * <p>Subdirectories are searched but never removed. The age of a file in {@code done/} is counted from the later of its modification and
 * status-change times: the move into {@code done/} is a rename, which keeps the modification
 * time the producer left but sets the change time, so a log that was written long ago and only
 * processed today is kept for the full period.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Path doneDir;
    private final Duration maxAge;
    private final Clock clock;
    private final SentBodyPurger purger;

    /** Removes the stored bodies of mails that were sent before a time. */
    @FunctionalInterface
    public interface SentBodyPurger {
        /**
         * @return how many bodies were removed
         * @throws Exception when the store cannot be reached; the next run tries again
         */
        int purgeSentBefore(Instant cutoff) throws Exception;
    }

    /** What one run removed. */
    public record Result(int logsRemoved, int bodiesRemoved) {}

    /**
     * @param doneDir the spool's {@code done/} directory
     * @param days how many days to keep, at least 1
     */
    public Retention(Path doneDir, int days, Clock clock, SentBodyPurger purger) {
        if (days < 1) {
            throw new IllegalArgumentException("days: must be at least 1: " + days);
        }
        this.doneDir = Objects.requireNonNull(doneDir, "doneDir");
        this.maxAge = Duration.ofDays(days);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.purger = Objects.requireNonNull(purger, "purger");
    }

    /**
     * Runs once. A file that cannot be removed is logged and skipped; a store that cannot be
     * reached is logged and counted as zero bodies: both are tried again on the next run.
     */
    public Result run() {
        Instant cutoff = clock.instant().minus(maxAge);
        int logs = removeOldFiles(cutoff);
        int bodies = 0;
        try {
            bodies = purger.purgeSentBefore(cutoff);
        } catch (Exception e) {
            log.warn("retention: cannot remove bodies of mails sent before {}: {}", cutoff, e.toString());
        }
        if (logs > 0 || bodies > 0) {
            log.info("retention: removed {} files from {} and {} bodies of mails sent before {}", logs, doneDir, bodies, cutoff);
        }
        return new Result(logs, bodies);
    }

    private int removeOldFiles(Instant cutoff) {
        if (!Files.isDirectory(doneDir, LinkOption.NOFOLLOW_LINKS)) {
            log.debug("retention: {} is not a directory; nothing to remove", doneDir);
            return 0;
        }
        int[] removed = {0};
        try {
            // walkFileTree does not follow symbolic links: a link is removed as a link.
            Files.walkFileTree(doneDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isOlder(file, attrs, cutoff)) {
                        try {
                            Files.delete(file);
                            removed[0]++;
                            log.debug("retention: removed {}", file);
                        } catch (NoSuchFileException e) {
                            // gone meanwhile
                        } catch (IOException e) {
                            log.warn("retention: cannot remove {}: {}", file, e.toString());
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    log.warn("retention: cannot read {}: {}", file, e.toString());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("retention: cannot walk {}: {}", doneDir, e.toString());
        }
        return removed[0];
    }

    private static boolean isOlder(Path file, BasicFileAttributes attrs, Instant cutoff) {
        FileTime newest = attrs.lastModifiedTime();
        try {
            Object ctime = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            if (ctime instanceof FileTime c && c.compareTo(newest) > 0) {
                newest = c;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            // no change time on this file system: the modification time alone decides
        }
        return newest.toInstant().isBefore(cutoff);
    }
}

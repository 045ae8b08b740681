package dev.culprit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The delivery journal of the embedded store: the outcome of each mail just sent, one line of
 * JSON appended to a file in a directory beside the database, written to the operating system
 * before {@link #append} returns, as the database's own commits are.
 *
 * <p>A commit of the embedded database writes out every page changed since the last one, by any
 * connection: a scan storing its logs at the same moment, a claim. One outcome appended here is
 * one small write. The outcomes are folded into the database in one transaction per batch
 * ({@link Outbox#foldJournal}), and at the next start after a crash.
 *
 * <p>The journal is written in segments, {@code 00000001.journal} and on: a fold first seals the
 * segment being written, so that outcomes recorded while it runs go to the next one, and deletes
 * the sealed segments once their outcomes are committed. A segment with a line that cannot be
 * read (the last line of a write cut short by a crash) is kept as {@code .unreadable} beside them.
 */
final class OutcomeJournal implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutcomeJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("\\d{8}\\.journal");

    private final Path dir;
    /** Held while a segment is written to, opened or sealed. */
    private final Object writing = new Object();
    private final Object folding = new Object();
    private long nextSegment;
    private FileChannel current;
    /** Mails with an outcome appended by this process and not folded yet. */
    private final Set<Long> unfolded = ConcurrentHashMap.newKeySet();

    private OutcomeJournal(Path dir, long nextSegment) {
        this.dir = dir;
        this.nextSegment = nextSegment;
    }

    /** Opens the journal in {@code dir}, creating the directory; segments left there wait for the next fold. */
    static OutcomeJournal open(Path dir) throws IOException {
        Files.createDirectories(dir);
        long last = 0;
        for (Path p : segments(dir)) {
            last = Math.max(last, number(p));
        }
        return new OutcomeJournal(dir, last + 1);
    }

    Path directory() {
        return dir;
    }

    /**
     * Appends the outcome of one mail, recorded at {@code at}, in one write. When the write fails
     * the segment is closed, so that what follows starts on a line of its own in the next.
     */
    void append(MailUpdate u, Instant at) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((JournalCodec.encodeLine(u, at) + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (writing) {
            // before the write: a fold that seals the segment right after it finds the mail here to let go
            unfolded.add(u.id());
            try {
                write(line);
            } catch (IOException | RuntimeException e) {
                unfolded.remove(u.id());
                throw e;
            }
        }
    }

    private void write(ByteBuffer line) throws IOException {
        if (current == null) {
            Path p = dir.resolve(String.format("%08d.journal", nextSegment));
            current = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            nextSegment++;
        }
        try {
            while (line.hasRemaining()) {
                current.write(line);
            }
        } catch (IOException e) {
            closeCurrent();
            throw e;
        }
    }

    /** Whether an outcome of this mail was appended by this process and is not folded yet. */
    boolean holds(long id) {
        return unfolded.contains(id);
    }

    /** Ends the segment being written; the next outcome starts a new one. Returns every segment to fold, oldest first. */
    List<Path> seal() throws IOException {
        synchronized (writing) {
            closeCurrent();
            return segments(dir);
        }
    }

    /** Held while a fold runs, so that one fold at a time reads the sealed segments; appends go on meanwhile. */
    Object folding() {
        return folding;
    }

    /** The outcomes of a sealed segment, and the lines of it that could not be read. */
    record Segment(Path file, List<Outbox.Outcome> outcomes, List<String> unreadable) {}

    /** Reads a sealed segment. A line that is not an outcome is reported by its file and number, and skipped. */
    static Segment read(Path file) throws IOException {
        List<Outbox.Outcome> outcomes = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        // a line cut short may end inside a character: decoded leniently, it is one unreadable line
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            try {
                outcomes.add(JournalCodec.decodeLine(line));
            } catch (IllegalArgumentException e) {
                unreadable.add(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Segment(file, outcomes, unreadable);
    }

    /**
     * After the outcomes of these segments are committed to the database: deletes the segments,
     * or keeps one that had unreadable lines as {@code .unreadable}, and forgets their mails.
     */
    void folded(Collection<Segment> segments) throws IOException {
        for (Segment s : segments) {
            if (s.unreadable().isEmpty()) {
                Files.deleteIfExists(s.file());
            } else {
                Path kept = s.file().resolveSibling(s.file().getFileName() + ".unreadable");
                Files.move(s.file(), kept, StandardCopyOption.REPLACE_EXISTING);
                log.error("{} line(s) of the delivery journal could not be read; their mails were not recorded as sent"
                        + " and go out again; the segment is kept as {}: {}", s.unreadable().size(), kept, s.unreadable());
            }
            for (Outbox.Outcome o : s.outcomes()) {
                unfolded.remove(o.update().id());
            }
        }
    }

    @Override
    public void close() {
        synchronized (writing) {
            try {
                closeCurrent();
            } catch (IOException e) {
                log.warn("cannot close the delivery journal in {}: {}", dir, e.getMessage());
            }
        }
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            try {
                current.close();
            } finally {
                current = null;
            }
        }
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('.')));
    }
}

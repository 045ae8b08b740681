package dev.culprit.spool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The spool directory and every file operation on it. Layout:
 *
 * <pre>
 * inbox/    producers rename finished logs (and their &lt;log&gt;.json sidecars) in here
 * work/     claimed logs being processed; what a crash leaves here is processed again on start
 * done/     processed logs
 * failed/   logs that could not be processed, each with a &lt;log&gt;.reason file beside it
 * </pre>
 *
 * Files are claimed by an atomic rename, never read through a symbolic link, must be regular
 * files no larger than the size cap, and are never deleted.
 */
public final class SpoolDirectory {
    /** The line that ends every finished log before its result (FORMAT.md, SUMMARY). */
    private static final byte[] SUMMARY = "\nrevisions tested: ".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BAD_NAME = Pattern.compile("[\\p{Cntrl}\\x{80}-\\x{9f}\\\\/\\x{fffd}\\x{2028}\\x{2029}]");
    private static final long MAX_SIDECAR_BYTES = 1024 * 1024;
    private static final OpenOption[] READ_NOFOLLOW = {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};

    private final Path root;
    private final long maxLogBytes;
    private final Duration settle;
    private final Clock clock;

    public SpoolDirectory(SpoolSettings settings, Clock clock) {
        this.root = settings.dir();
        this.maxLogBytes = settings.maxLogBytes();
        this.settle = settings.settle();
        this.clock = clock;
    }

    public Path root() {
        return root;
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path work() {
        return root.resolve("work");
    }

    public Path done() {
        return root.resolve("done");
    }

    public Path failed() {
        return root.resolve("failed");
    }

    /** Creates the four folders when missing. */
    public void create() throws IOException {
        for (Path p : List.of(inbox(), work(), done(), failed())) {
            Files.createDirectories(p);
        }
    }

    /** Whether the four folders exist (a dry run does not create them). */
    public boolean exists() {
        return List.of(inbox(), work(), done(), failed()).stream()
                .allMatch(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** Whether a name is a sidecar ({@code <log>.json}) rather than a log. */
    public static boolean isSidecar(String name) {
        return name.endsWith(".json");
    }

    /** Names a producer is still writing: hidden files and {@code .tmp}/{@code .part} files. */
    static boolean isInProgress(String name) {
        return name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part");
    }

    /** Why a file name is refused, or empty when it is fine. */
    public static Optional<String> badName(String name) {
        if (name.isEmpty() || name.length() > 200) {
            return Optional.of("file name is empty or longer than 200 characters");
        }
        if (BAD_NAME.matcher(name).find()) {
            return Optional.of("file name contains a control character or a path separator: " + escape(name));
        }
        return Optional.empty();
    }

    /** A name with control and non-ASCII characters shown as escapes, safe for logs and reason files. */
    public static String escape(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                b.append((char) c);
            } else {
                b.append(String.format("\\u%04x", c));
            }
        });
        return b.toString();
    }

    /**
     * The entries of {@code inbox/} that are ready to claim, in name order: every entry that is
     * not a regular file or has a refused name or is over the size cap (so that it is moved to
     * {@code failed/} at once), and every log that carries its final summary or has not changed
     * for the settle time. Sidecars, hidden and {@code .tmp}/{@code .part} files are left alone.
     */
    public List<Path> ready() throws IOException {
        List<Path> out = new ArrayList<>();
        Instant settledBefore = clock.instant().minus(settle);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(inbox())) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (isSidecar(name) || isInProgress(name)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!a.isRegularFile() || badName(name).isPresent() || a.size() > maxLogBytes
                        || !a.lastModifiedTime().toInstant().isAfter(settledBefore)
                        || carriesSummary(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The logs left in {@code work/} (by a crash), in name order. */
    public List<Path> inWork() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(work())) {
            for (Path p : ds) {
                if (!isSidecar(p.getFileName().toString())) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private boolean carriesSummary(Path p) {
        try (SeekableByteChannel ch = Files.newByteChannel(p, READ_NOFOLLOW)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            int matched = 0;
            long total = 0;
            while (ch.read(buf) > 0 && total <= maxLogBytes) {
                buf.flip();
                total += buf.remaining();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    matched = b == SUMMARY[matched] ? matched + 1 : (b == SUMMARY[0] ? 1 : 0);
                    if (matched == SUMMARY.length) {
                        return true;
                    }
                }
                buf.clear();
            }
            return false;
        } catch (IOException e) {
            // unreadable now; it is claimed once it has settled and fails then with the reason
            return false;
        }
    }

    /**
     * Claims a log by renaming it (its sidecar first) into {@code work/}.
     *
     * @return the log's path in {@code work/}, or empty when another process took it first or a
     *     log of the same name is still being processed
     */
    public Optional<Path> claim(Path inboxEntry) throws IOException {
        Path name = inboxEntry.getFileName();
        Path target = work().resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path sidecar = sidecarOf(inboxEntry);
        if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.move(sidecar, sidecarOf(target), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // taken together with its log by another process
            }
        }
        try {
            Files.move(inboxEntry, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** Puts a claimed log back into {@code inbox/}, to be tried again by a later scan. */
    public void unclaim(Path workFile) throws IOException {
        Path sidecar = sidecarOf(workFile);
        if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(sidecar, sidecarOf(inbox().resolve(workFile.getFileName())), StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(workFile, inbox().resolve(workFile.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a log without following a symbolic link: it must be a regular file within the size
     * cap.
     *
     * @throws LogRejectedException saying what is wrong with the file
     */
    public byte[] read(Path file) throws LogRejectedException {
        return readCapped(file, maxLogBytes, "log");
    }

    /** The sidecar of a log, or null when it has none. */
    public byte[] readSidecar(Path log) throws LogRejectedException {
        Path s = sidecarOf(log);
        if (!Files.exists(s, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return readCapped(s, MAX_SIDECAR_BYTES, "sidecar " + s.getFileName());
    }

    private byte[] readCapped(Path file, long cap, String what) throws LogRejectedException {
        String name = file.getFileName().toString();
        Optional<String> bad = badName(name);
        if (bad.isPresent()) {
            throw new LogRejectedException(bad.get());
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new LogRejectedException(what + ": cannot read its attributes: " + e, e);
        }
        if (!a.isRegularFile()) {
            throw new LogRejectedException(what + " is not a regular file but " + kind(a) + "; it is not read");
        }
        if (a.size() > cap) {
            throw new LogRejectedException(what + " is larger than the cap of " + cap + " bytes: " + a.size() + " bytes");
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file, READ_NOFOLLOW)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(a.size() + 1, cap + 1));
            // sized to the file (one byte more shows it grew), up to 64 KiB a read
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(a.size() + 1, 64 * 1024));
            long total = 0;
            while (ch.read(buf) > 0) {
                buf.flip();
                total += buf.remaining();
                if (total > cap) {
                    throw new LogRejectedException(what + " grew beyond the cap of " + cap + " bytes while being read");
                }
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new LogRejectedException(what + ": cannot read: " + e, e);
        }
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (a.isDirectory()) {
            return "a directory";
        }
        return "a special file (FIFO, socket or device)";
    }

    /** Moves a processed log (and its sidecar) to {@code done/}. */
    public Path toDone(Path workFile) throws IOException {
        return archive(workFile, done(), null);
    }

    /** Moves a log (and its sidecar) to {@code failed/}, writing the reason beside it first. */
    public Path toFailed(Path file, String reason) throws IOException {
        return archive(file, failed(), reason);
    }

    private Path archive(Path file, Path dir, String reason) throws IOException {
        String original = file.getFileName().toString();
        String base = badName(original).isPresent()
                ? "refused-name-" + HexFormat.of().formatHex(original.getBytes(StandardCharsets.UTF_8)).substring(0,
                        Math.min(32, original.length() * 2))
                : original;
        Path sidecar = sidecarOf(file);
        for (int n = 0; ; n++) {
            String name = n == 0 ? base : base + "." + n;
            Path target = dir.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(dir.resolve(name + ".reason"), LinkOption.NOFOLLOW_LINKS)
                    || Files.exists(dir.resolve(name + ".json"), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (reason != null) {
                String text = (name.equals(original) ? "" : "original name: " + escape(original) + "\n") + reason + "\n";
                Path tmp = dir.resolve("." + name + ".reason.tmp");
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, dir.resolve(name + ".reason"), StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(sidecar, dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(file, target);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            return target;
        }
    }

    static Path sidecarOf(Path log) {
        return log.resolveSibling(log.getFileName() + ".json");
    }

    /** Counts of files per folder, sidecars and reason files not counted. */
    public record Counts(long inbox, long work, long done, long failed) {}

    public Counts counts() throws IOException {
        return new Counts(count(inbox()), count(work()), count(done()), count(failed()));
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !isSidecar(n) && !n.endsWith(".reason") && !n.startsWith("."))
                    .count();
        }
    }

}

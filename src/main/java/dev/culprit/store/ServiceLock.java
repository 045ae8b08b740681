package dev.culprit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one service process of a state directory. {@code run} and {@code once} hold it while they
 * work, so that what they find in {@code sending} after a start was left by a crash, never by a
 * second service beside them.
 *
 * <p>An embedded database file can be open in one process only. So that the operator's commands
 * ({@code status}, {@code held}, {@code release} ...) work while the service runs, the holder
 * serves its database on a loopback port ({@link #share}); the port and a random key, without
 * which the database cannot be named, are in {@value #ENDPOINT}, readable by the state
 * directory's owner only. A command finds the lock held ({@link #heldElsewhere}) and connects
 * there ({@link #sharedUrl}).
 *
 * <p>An operating-system file lock: it is released when the process ends, also by SIGKILL.
 */
public final class ServiceLock implements AutoCloseable {
    public static final String FILE = "service.lock";
    public static final String ENDPOINT = "service.endpoint";

    /**
     * State directories whose lock this JVM holds. File locks belong to the process, and closing
     * any channel on the file would release them, so {@link #heldElsewhere} must not open the
     * file of a lock held here.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path stateDir;
    private org.h2.tools.Server server;

    private ServiceLock(FileChannel channel, FileLock lock, Path stateDir) {
        this.channel = channel;
        this.lock = lock;
        this.stateDir = stateDir;
    }

    /**
     * Serves the embedded database {@code dbPath} (without {@code .mv.db}) on a loopback port for
     * the operator's commands, for as long as this lock is held.
     */
    public void share(Path dbPath) throws StoreException {
        String key = java.util.UUID.randomUUID().toString().replace("-", "");
        Path endpoint = stateDir.resolve(ENDPOINT);
        try {
            server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon",
                    "-key", key, dbPath.toAbsolutePath().toString()).start();
            Path tmp = stateDir.resolve(ENDPOINT + ".tmp");
            java.nio.file.Files.deleteIfExists(tmp);
            java.nio.file.Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            java.nio.file.Files.writeString(tmp, server.getPort() + " " + key + "\n", StandardCharsets.US_ASCII);
            java.nio.file.Files.move(tmp, endpoint, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.sql.SQLException | IOException e) {
            if (server != null) {
                server.stop();
                server = null;
            }
            throw new StoreException("cannot share the database with the operator's commands: " + e.getMessage(), e);
        }
    }

    /** Whether a service process holds the lock of {@code stateDir} now. */
    public static boolean heldElsewhere(Path stateDir) throws StoreException {
        Path file = stateDir.resolve(FILE);
        if (HELD_HERE.contains(stateDir.toAbsolutePath().normalize()) || !java.nio.file.Files.exists(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC URL of the database the service in {@code stateDir} shares. */
    public static String sharedUrl(Path stateDir) throws StoreException {
        Path endpoint = stateDir.resolve(ENDPOINT);
        try {
            String[] parts = java.nio.file.Files.readString(endpoint, StandardCharsets.US_ASCII).strip().split(" ");
            if (parts.length != 2 || !parts[0].matches("\\d{1,5}") || !parts[1].matches("[0-9a-f]{32}")) {
                throw new StoreException(endpoint + ": not a database endpoint");
            }
            return "jdbc:h2:tcp://127.0.0.1:" + parts[0] + "/" + parts[1];
        } catch (IOException e) {
            throw new StoreException("the service holds " + stateDir + " but its database endpoint cannot be read ("
                    + endpoint + "): " + e.getMessage(), e);
        }
    }

    /**
     * @throws StoreException when another process holds the lock, naming the directory
     */
    public static ServiceLock acquire(Path stateDir) throws StoreException {
        Path file = stateDir.resolve(FILE);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                throw new StoreException("another culprit service (run or once) is using " + stateDir
                        + "; stop it first (the operator commands such as status and held work beside it)");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            HELD_HERE.add(stateDir.toAbsolutePath().normalize());
            return new ServiceLock(ch, l, stateDir);
        } catch (OverlappingFileLockException e) {
            close(ch);
            throw new StoreException("this process already runs the service on " + stateDir, e);
        } catch (IOException e) {
            close(ch);
            throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the lock goes with the channel; nothing else to undo
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
            try {
                java.nio.file.Files.deleteIfExists(stateDir.resolve(ENDPOINT));
            } catch (IOException e) {
                // a stale endpoint is harmless: commands read it only while the lock is held
            }
        }
        HELD_HERE.remove(stateDir.toAbsolutePath().normalize());
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released by the operating system when the process ends
        }
    }
}

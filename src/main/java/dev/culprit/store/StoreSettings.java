package dev.culprit.store;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code state} section: where the bot keeps its state.
 *
 * @param dir the state directory: the embedded database and the {@code paused} file live here
 * @param jdbcUrl the database; default an H2 file database {@code <dir>/culprit}
 * @param username the database user, or null
 * @param passwordFile a file holding the database password (relative paths are looked up in
 *     {@code $CREDENTIALS_DIRECTORY} when set), or null
 * @param passwordEnv an environment variable holding the database password, or null
 * @param lease how long a claimed outbox row belongs to the instance that claimed it
 * @param cluster whether several instances share this (PostgreSQL) database: Quartz's clustered
 *     JDBC job store runs the scan and the delivery on one instance at a time
 */
public record StoreSettings(Path dir, String jdbcUrl, String username, String passwordFile, String passwordEnv,
        Duration lease, Boolean cluster) {
    public StoreSettings {
        dir = dir == null ? Path.of("/var/lib/culprit") : dir;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
        cluster = cluster != null && cluster;
        if (cluster && (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("cluster: several instances need a shared PostgreSQL database"
                    + " (jdbc-url: jdbc:postgresql://...), not " + (jdbcUrl == null ? "the embedded H2 database" : "an H2 database"));
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbc-url: only jdbc:h2: and jdbc:postgresql: are supported: " + jdbcUrl);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease: must be positive: " + lease);
        }
        if (passwordFile != null && passwordEnv != null) {
            throw new IllegalArgumentException("password-file: give password-file or password-env, not both");
        }
    }

    public static StoreSettings defaults() {
        return new StoreSettings(null, null, null, null, null, null, null);
    }

    /** The JDBC URL in force: the configured one, or the embedded H2 file database. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        // WRITE_DELAY=0: a commit reaches the file before the log moves on, so a killed process
        // loses nothing it had committed. DB_CLOSE_ON_EXIT=FALSE: the service closes the database
        // itself after the current send has finished.
        // The operator's commands reach it while the service has it open through the service's
        // loopback server (see ServiceLock). LOCK_TIMEOUT=10000: the scan and the delivery
        // write to the same tables at once; a busy machine must not turn a wait into an error.
        // MAX_COMPACT_TIME=0: closing does not spend 200 ms compacting the file, which a
        // `culprit once` run from a timer would pay every time; freed space is reused in place.
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("culprit") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=0";
    }
}

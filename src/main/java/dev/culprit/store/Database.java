package dev.culprit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store's database: a small connection pool, the schema brought up to date by Flyway on
 * open, and the SQL dialect in use.
 */
public final class Database implements AutoCloseable {
    /** What differs between the databases the store runs on. */
    public enum Dialect {
        /**
         * Embedded H2: one service process owns the file (the operator's commands may share it,
         * but claim nothing), so whatever is in {@code sending} is abandoned on open.
         */
        H2(true),
        /** H2 reached over TCP or in auto-server mode: other processes may hold leases. */
        H2_SHARED(false),
        /** PostgreSQL: rows are claimed with {@code FOR UPDATE SKIP LOCKED} and leases. */
        POSTGRESQL(false);

        private final boolean exclusive;

        Dialect(boolean exclusive) {
            this.exclusive = exclusive;
        }

        /** Whether this process is the only one that can use the database. */
        public boolean exclusive() {
            return exclusive;
        }

        /**
         * The locking clause of the claim query: skip rows another instance holds. None on an
         * exclusive store, where no other instance claims: locking each row cost a write of its
         * own, and the claim's update checks again that each row is still due.
         */
        public String skipLocked() {
            return exclusive ? "" : " for update skip locked";
        }

        static Dialect of(String url) {
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            String u = url.toUpperCase(java.util.Locale.ROOT);
            if (u.startsWith("JDBC:H2:TCP:") || u.startsWith("JDBC:H2:SSL:") || u.contains(";AUTO_SERVER=TRUE")) {
                return H2_SHARED;
            }
            return H2;
        }
    }

    private final DataSource dataSource;
    /** Closes the pool: HikariCP's or H2's, which have no common interface for it. */
    private final Runnable closePool;
    private volatile boolean closed;
    private final Dialect dialect;
    private final String url;

    private Database(DataSource dataSource, Runnable closePool, Dialect dialect, String url) {
        this.dataSource = dataSource;
        this.closePool = closePool;
        this.dialect = dialect;
        this.url = url;
    }

    /**
     * Opens the configured database, creating the state directory for the embedded one, and
     * migrates the schema.
     *
     * @param password the database password, or null
     * @throws StoreException naming the URL (never the password) when it cannot be opened
     */
    public static Database open(StoreSettings settings, String password) throws StoreException {
        if (settings.jdbcUrl() == null) {
            try {
                Files.createDirectories(settings.dir());
            } catch (IOException e) {
                throw new StoreException("cannot create the state directory " + settings.dir() + ": " + e.getMessage(), e);
            }
        }
        if (settings.jdbcUrl() == null && ServiceLock.heldElsewhere(settings.dir())) {
            // the running service has the embedded file open and shares it on loopback
            return open(ServiceLock.sharedUrl(settings.dir()), settings.username(), password);
        }
        Database db = open(settings.effectiveJdbcUrl(), settings.username(), password);
        if (settings.jdbcUrl() == null) {
            // the embedded default is shared with the operator's commands only; of the services,
            // one at a time holds the state directory's ServiceLock
            return new Database(db.dataSource, db.closePool, Dialect.H2, db.url);
        }
        return db;
    }

    /** A private in-memory database, gone when closed: the store of a dry run. */
    public static Database inMemory() throws StoreException {
        return open("jdbc:h2:mem:culprit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }

    public static Database open(String url, String username, String password) throws StoreException {
        DataSource ds;
        Runnable closePool;
        try {
            if (Dialect.of(url) == Dialect.POSTGRESQL) {
                HikariDataSource hikari = hikari(url, username, password);
                ds = hikari;
                closePool = hikari::close;
            } else {
                JdbcConnectionPool h2 = h2(url, username, password);
                ds = h2;
                closePool = h2::dispose;
            }
            try (Connection c = ds.getConnection()) {
                c.isValid(5);
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot open the database " + redact(url) + ": " + e.getMessage(), e);
        }
        Database db = new Database(ds, closePool, Dialect.of(url), url);
        try {
            // outcomes an earlier version left in its delivery journal, before the migration that drops its table
            EarlierJournal.applyTable(db);
            Runnable migrate = () -> Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            if (Dialect.of(url) == Dialect.POSTGRESQL) {
                ClusterMode.migrate(ds, migrate);
            } else {
                migrate.run();
            }
        } catch (FlywayException | SQLException e) {
            closePool.run();
            throw new StoreException("cannot migrate the database " + redact(url) + ": " + e.getMessage(), e);
        }
        if (Dialect.of(url).exclusive()) {
            try {
                EarlierJournal.applyFiles(db);
            } catch (SQLException | IOException e) {
                closePool.run();
                throw new StoreException("cannot apply the delivery journal an earlier version left beside the database "
                        + redact(url) + ": " + e.getMessage(), e);
            }
        }
        return db;
    }

    /**
     * HikariCP, for PostgreSQL: it checks connections before handing them out and replaces those
     * the server closed. It creates connections on a thread of its own, one every 30 ms at most.
     */
    private static HikariDataSource hikari(String url, String username, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(username);
        hc.setPassword(password);
        // the store may also carry Quartz's clustered job store, which takes connections of its own
        hc.setMaximumPoolSize(8);
        hc.setMinimumIdle(1);
        hc.setPoolName("culprit-store");
        hc.setAutoCommit(true);
        hc.setInitializationFailTimeout(-1);
        return new HikariDataSource(hc);
    }

    /**
     * H2's own pool, for H2: it opens a connection when one is asked for and none is free,
     * at once. Through HikariCP's throttle, opening the store (Flyway takes two connections) and
     * closing it waited 30 ms at each step, most of the fixed cost of a {@code culprit once}. A
     * connection given back is rolled back and set to auto-commit again.
     */
    private static JdbcConnectionPool h2(String url, String username, String password) {
        JdbcConnectionPool cp = JdbcConnectionPool.create(url, username == null ? "" : username, password == null ? "" : password);
        cp.setMaxConnections(4);
        return cp;
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL with any password in it masked, for messages. */
    public String description() {
        return redact(url);
    }

    /**
     * Work on one connection inside a transaction.
     *
     * @param <E> what the work throws besides {@link SQLException} (a refusal such as
     *     {@link ModerationException}), or {@link RuntimeException} when nothing
     */
    @FunctionalInterface
    public interface SqlWork<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it
     * throws, whatever it throws. Work that finds nothing to change may simply return; the empty
     * commit is harmless. This is the store's one way to run a transaction.
     */
    public <T, E extends Exception> T inTransaction(SqlWork<T, E> work) throws SQLException, E {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the store " + description() + " is closed");
        }
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        if (dialect == Dialect.H2 && !closed && url.toUpperCase(java.util.Locale.ROOT).contains(";DB_CLOSE_DELAY=")) {
            // kept open without connections (an in-memory store): only SHUTDOWN closes it
            try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(Database.class).debug("H2 shutdown: {}", e.getMessage());
            }
        }
        closed = true;
        // otherwise H2 closes the database with the pool's last connection; a SHUTDOWN before
        // it left the pool to reset connections already closed, which H2 wrote to a trace file
        closePool.run();
    }
}

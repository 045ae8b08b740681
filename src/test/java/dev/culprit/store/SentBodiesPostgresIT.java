package dev.culprit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The retention SQL on a real PostgreSQL server. */
class SentBodiesPostgresIT extends SentBodiesContract {
    private static EmbeddedPostgres postgres;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    Database openDatabase() throws Exception {
        String name = "retention" + (++databases);
        try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create database " + name);
        }
        return Database.open(postgres.getJdbcUrl("postgres", name), "postgres", null);
    }
}

package dev.culprit.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Processed logs by the hash of their result's key on a real PostgreSQL server. */
class ProcessedLogHashPostgresIT extends ProcessedLogHashContract {
    private static EmbeddedDb postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    String url() {
        return postgres.newDatabase();
    }

    @Override
    String user() {
        return EmbeddedDb.USER;
    }
}

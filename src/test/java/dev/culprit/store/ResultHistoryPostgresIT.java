package dev.culprit.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A result's history on a real PostgreSQL server. */
class ResultHistoryPostgresIT extends ResultHistoryContract {
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
    Database openDatabase() throws Exception {
        return Database.open(postgres.newDatabase(), EmbeddedDb.USER, null);
    }
}

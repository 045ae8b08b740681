package dev.culprit.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ResultAuthorsPostgresIT extends ResultAuthorsContract {
    static EmbeddedDb pg;

    @BeforeAll
    static void start() {
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Override
    String url() {
        return pg.newDatabase();
    }

    @Override
    String user() {
        return EmbeddedDb.USER;
    }
}

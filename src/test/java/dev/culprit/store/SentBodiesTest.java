package dev.culprit.store;


/** The retention SQL on the embedded default store, H2 (in memory here). */
class SentBodiesTest extends SentBodiesContract {
    @Override
    Database openDatabase() throws Exception {
        return Database.inMemory();
    }
}

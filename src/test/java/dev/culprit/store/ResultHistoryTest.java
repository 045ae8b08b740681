package dev.culprit.store;

/** A result's history on the embedded default store, H2 (in memory here). */
class ResultHistoryTest extends ResultHistoryContract {
    @Override
    Database openDatabase() throws Exception {
        return Database.inMemory();
    }
}

package dev.culprit.store;

/** The record of replies on the embedded default store, H2 (in memory here). */
class ReplyRecordsTest extends ReplyRecordsContract {
    @Override
    Database openDatabase() throws Exception {
        return Database.inMemory();
    }
}

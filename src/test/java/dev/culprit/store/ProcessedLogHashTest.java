package dev.culprit.store;

import java.util.UUID;

/** Processed logs by the hash of their result's key on the embedded default store, H2 (in memory here). */
class ProcessedLogHashTest extends ProcessedLogHashContract {
    @Override
    String url() {
        return "jdbc:h2:mem:processed-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String user() {
        return null;
    }
}

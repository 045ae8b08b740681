package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.spool.StoreUnavailableException;
import dev.culprit.store.StoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A failed lookup of earlier results: the log's fault (rejected) or the store's (the log waits). */
class LookupFailedTest {
    @Test
    void aValueTheStoreRefusesRejectsTheLogAndAnOutageDefersIt() {
        StoreException refused = new StoreException("cannot count the results that blamed 1234",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        StoreException down = new StoreException("cannot count the results that blamed 1234",
                new SQLException("Connection refused", "08001"));

        assertThat(Culprit.lookupFailed(refused)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot count the results that blamed 1234");
        assertThat(Culprit.lookupFailed(down)).isInstanceOf(StoreUnavailableException.class);
        assertThat(Culprit.lookupFailed(new StoreException("closed"))).isInstanceOf(StoreUnavailableException.class);
    }
}

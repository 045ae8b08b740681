package dev.culprit.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class ResultAuthorsTest extends ResultAuthorsContract {
    @TempDir
    Path dir;

    @Override
    String url() {
        return new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl();
    }

    @Override
    String user() {
        return null;
    }
}

package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void closingTheEmbeddedStoreKeepsItsDataAndLeavesNoTraceFile(@TempDir Path dir) throws Exception {
        String url = new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl();
        try (Database db = Database.open(url, null, null); Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("insert into opt_out (address, added_at) values ('a@example.org', current_timestamp)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("culprit.mv.db");
        }
        try (Database db = Database.open(url, null, null); Connection c = db.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from opt_out")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}

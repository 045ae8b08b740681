package db.migration;

import dev.culprit.model.ResultKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A result's history reads its processed logs by result: {@code processed_log.result_key_hash}
 * keeps the SHA-256 of the key (as {@code outbox.key_hash} does), indexed, since the key itself
 * (up to 2,000 characters, more bytes in UTF-8) can be too long for a btree entry on PostgreSQL.
 * The logs processed before get theirs here, computed in Java: H2 and PostgreSQL spell SHA-256
 * differently. The answer caps count the past hour's answers in the outbox: indexed by
 * {@code created_at}, they read that hour's rows instead of the whole outbox.
 */
public final class V34__Processed_log_by_result extends BaseJavaMigration {
    /** Logs hashed and written per round trip. */
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("alter table processed_log add column result_key_hash varchar(64)");
        }
        String after = "";
        while (after != null) {
            after = fill(c, after);
        }
        try (Statement s = c.createStatement()) {
            s.execute("create index processed_log_by_result on processed_log (result_key_hash)");
            s.execute("create index outbox_by_time on outbox (created_at)");
        }
    }

    /** Hashes the keys of the next logs after {@code after} by content hash; the last one done, or null when none was left. */
    private static String fill(Connection c, String after) throws SQLException {
        String last = null;
        try (PreparedStatement read = c.prepareStatement("select content_hash, result_key from processed_log"
                + " where content_hash > ? and result_key is not null order by content_hash fetch first " + BATCH + " rows only");
                PreparedStatement write = c.prepareStatement("update processed_log set result_key_hash = ? where content_hash = ?")) {
            read.setString(1, after);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    last = rs.getString(1);
                    write.setString(1, new ResultKey(rs.getString(2)).sha256());
                    write.setString(2, last);
                    write.addBatch();
                }
            }
            if (last != null) {
                write.executeBatch();
            }
        }
        return last;
    }
}

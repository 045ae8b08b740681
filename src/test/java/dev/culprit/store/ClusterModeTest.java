package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cluster mode on the embedded H2 database: refused, and none of PostgreSQL's cluster tables. */
class ClusterModeTest {
    @Test
    void clusterOnH2IsRefused() throws Exception {
        try (Database db = Database.inMemory()) {
            assertThatThrownBy(() -> ClusterMode.enforce(db, true, "node-a", Instant.now()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("state.cluster: several instances need a shared PostgreSQL database");
        }
    }

    @Test
    void h2WithoutClusterStartsAndHasNoMark() throws Exception {
        try (Database db = Database.inMemory()) {
            ClusterMode.enforce(db, false, "single", Instant.now());
            assertThat(ClusterMode.mark(db)).isNull();
        }
    }

    @Test
    void h2GetsNoQuartzTables() throws Exception {
        try (Database db = Database.inMemory(); Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from information_schema.tables where lower(table_name) like 'qrtz%'"
                        + " or lower(table_name) in ('culprit_cluster', 'quartz_schema_history')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void clusterSettingNeedsAPostgresUrl() {
        assertThatThrownBy(() -> new StoreSettings(null, null, null, null, null, null, true))
                .hasMessageStartingWith("cluster: ").hasMessageContaining("the embedded H2 database");
        assertThatThrownBy(() -> new StoreSettings(null, "jdbc:h2:tcp://db/culprit;PASSWORD=secret", null, null, null, null, true))
                .hasMessageStartingWith("cluster: ").hasMessageContaining("an H2 database").hasMessageNotContaining("secret");
        assertThat(new StoreSettings(null, "jdbc:postgresql://db/culprit", null, null, null, null, true).cluster()).isTrue();
        assertThat(StoreSettings.defaults().cluster()).isFalse();
    }
}

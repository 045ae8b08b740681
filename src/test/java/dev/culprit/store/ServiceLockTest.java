package dev.culprit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondServiceOnTheSameStateDirectoryIsRefused() throws Exception {
        try (ServiceLock first = ServiceLock.acquire(dir)) {
            assertThatThrownBy(() -> ServiceLock.acquire(dir))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(dir.toString());
            assertThat(Files.readString(dir.resolve(ServiceLock.FILE))).isEqualTo(ProcessHandle.current().pid() + "\n");
        }
        try (ServiceLock again = ServiceLock.acquire(dir)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void checkingTheLockFromTheHoldingProcessDoesNotReleaseIt() throws Exception {
        try (ServiceLock held = ServiceLock.acquire(dir)) {
            assertThat(ServiceLock.heldElsewhere(dir)).isFalse();
            assertThatThrownBy(() -> ServiceLock.acquire(dir)).isInstanceOf(StoreException.class);
        }
        assertThat(ServiceLock.heldElsewhere(dir)).isFalse();
    }

    @Test
    void theSharedDatabaseIsReachableOnlyWithTheKeyInAPrivateFile() throws Exception {
        Path db = dir.resolve("culprit");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE")) {
            c.createStatement().execute("create table t(x int); insert into t values (42)");
            try (ServiceLock lock = ServiceLock.acquire(dir)) {
                lock.share(db);
                Path endpoint = dir.resolve(ServiceLock.ENDPOINT);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint))).isEqualTo("rw-------");
                String url = ServiceLock.sharedUrl(dir);
                assertThat(url).matches("jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}");
                try (Connection remote = DriverManager.getConnection(url); ResultSet r = remote.createStatement().executeQuery("select x from t")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(42);
                }
                String guessed = url.replaceAll("/[0-9a-f]{32}$", "/" + db);
                assertThatThrownBy(() -> DriverManager.getConnection(guessed).close()).isInstanceOf(java.sql.SQLException.class);
            }
            assertThat(dir.resolve(ServiceLock.ENDPOINT)).doesNotExist();
        }
    }
}

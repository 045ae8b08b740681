package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog ends a real JVM. */
class WatchdogIT {
    @TempDir
    Path dir;

    private ChildProcess child(String mode) {
        return ChildProcess.run(ChildProcess.java(WatchdogChild.class, mode), dir, env -> {}, 300);
    }

    @Test
    void aProcessWithoutProgressExitsNonZero() {
        ChildProcess p = child("stall");
        assertThat(p.exitCode()).isEqualTo(Watchdog.STALLED_EXIT_STATUS);
        assertThat(p.stderr()).contains("scheduler stalled: no progress for ").contains("last progress: started");
    }

    @Test
    void aShutdownHookHungOnTheStuckJobDoesNotKeepTheProcessAlive() {
        ChildProcess p = child("hung-hook");
        assertThat(p.exitCode()).isEqualTo(Watchdog.STALLED_EXIT_STATUS);
    }

    @Test
    void aBacklogThatKeepsMovingRunsToItsEnd() {
        ChildProcess p = child("moving");
        assertThat(p.exitCode()).isZero();
        assertThat(p.stderr()).doesNotContain("stalled");
    }
}

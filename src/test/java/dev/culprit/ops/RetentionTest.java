package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path spool;

    private Path done;
    private Path failed;
    private final List<Instant> purgedBefore = new ArrayList<>();

    @BeforeEach
    void layout() throws IOException {
        done = Files.createDirectories(spool.resolve("done"));
        failed = Files.createDirectories(spool.resolve("failed"));
    }

    private Retention retention(int days, Instant now) {
        return new Retention(done, days, Clock.fixed(now, ZoneOffset.UTC), cutoff -> {
            purgedBefore.add(cutoff);
            return 4;
        });
    }

    private static Path file(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), "log text");
    }

    @Test
    void removesDoneLogsOlderThanTheLimitAndSentBodiesBeforeTheCutoff() throws IOException {
        file(done, "4711.log");
        file(done, "4711.log.json");
        Instant now = Instant.now().plus(Duration.ofDays(31));

        Retention.Result result = retention(30, now).run();

        assertThat(result).isEqualTo(new Retention.Result(2, 4));
        assertThat(done).isEmptyDirectory();
        assertThat(purgedBefore).containsExactly(now.minus(Duration.ofDays(30)));
    }

    @Test
    void keepsDoneLogsYoungerThanTheLimit() throws IOException {
        file(done, "4712.log");

        Retention.Result result = retention(30, Instant.now().plus(Duration.ofDays(29))).run();

        assertThat(result.logsRemoved()).isZero();
        assertThat(done.resolve("4712.log")).exists();
    }

    @Test
    void countsAgeFromTheMoveIntoDoneNotFromWhenTheProducerWroteTheLog() throws IOException {
        Path log = file(done, "old-but-just-processed.log");
        Files.setLastModifiedTime(log, FileTime.from(Instant.now().minus(Duration.ofDays(365))));

        Retention.Result result = retention(30, Instant.now().plus(Duration.ofDays(1))).run();

        assertThat(result.logsRemoved()).isZero();
        assertThat(log).exists();
    }

    @Test
    void neverTouchesFailedNorFollowsLinksOutOfDone() throws IOException {
        Path kept = file(failed, "bad.log");
        file(failed, "bad.log.reason");
        Files.createSymbolicLink(done.resolve("link.log"), kept);
        Files.createSymbolicLink(done.resolve("failed-dir"), failed);

        Retention.Result result = retention(1, Instant.now().plus(Duration.ofDays(400))).run();

        assertThat(result.logsRemoved()).isEqualTo(2);
        assertThat(done).isEmptyDirectory();
        assertThat(failed.resolve("bad.log")).exists();
        assertThat(failed.resolve("bad.log.reason")).exists();
    }

    @Test
    void aMissingDoneDirectoryRemovesNothingButStillPurgesBodies() throws IOException {
        Files.delete(done);

        Retention.Result result = retention(7, Instant.now()).run();

        assertThat(result).isEqualTo(new Retention.Result(0, 4));
    }

    @Test
    void aStoreThatCannotBeReachedCountsAsNoBodiesRemoved() throws IOException {
        file(done, "4713.log");
        Retention r = new Retention(done, 1, Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC), cutoff -> {
            throw new java.sql.SQLException("connection refused");
        });

        assertThat(r.run()).isEqualTo(new Retention.Result(1, 0));
    }
}

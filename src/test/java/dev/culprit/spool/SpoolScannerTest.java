package dev.culprit.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxState;
import dev.culprit.testing.TestLogs;
import dev.culprit.testing.TestProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolScannerTest {
    @TempDir
    Path root;

    private Database db;
    private Outbox outbox;
    private SpoolDirectory spool;

    @BeforeEach
    void open() throws Exception {
        db = Database.inMemory();
        outbox = new Outbox(db, Clock.systemUTC());
        spool = new SpoolDirectory(new SpoolSettings(root, 4096L, Duration.ofMinutes(1)), Clock.systemUTC());
        spool.create();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private SpoolScanner scanner() {
        return new SpoolScanner(spool, new TestProcessor(), outbox, false);
    }

    private static String log(int n) {
        return TestLogs.log(n, List.of("dev" + n + "@example.org"), List.of("linux-mm@vger.kernel.org"));
    }

    @Test
    void finishedLogsAreQueuedAndMovedToDone() throws Exception {
        TestLogs.drop(root, "a.log", log(1));
        TestLogs.drop(root, "b.log", log(2));
        ScanResult r = scanner().scan(() -> false);
        assertThat(r.queued()).isEqualTo(2);
        assertThat(list(spool.done())).containsExactly("a.log", "b.log");
        assertThat(list(spool.inbox())).isEmpty();
        assertThat(list(spool.work())).isEmpty();
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(2);
    }

    @Test
    void symlinkFifoOversizeAndGarbageFailWithAReasonWhileOthersGoThrough() throws Exception {
        Path secret = root.resolve("secret.txt");
        Files.writeString(secret, log(99));
        Files.createSymbolicLink(spool.inbox().resolve("link.log"), secret);
        Process mk = new ProcessBuilder("mkfifo", spool.inbox().resolve("pipe.log").toString()).start();
        assertThat(mk.waitFor()).isZero();
        TestLogs.drop(root, "big.log", log(3) + "x".repeat(5000));
        Path garbage = TestLogs.drop(root, "garbage.log", "\u0000\u0001 not a log at all \n");
        Files.setLastModifiedTime(garbage, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        TestLogs.drop(root, "good.log", log(4));

        ScanResult r = scanner().scan(() -> false);

        assertThat(r.queued()).isEqualTo(1);
        assertThat(r.failed()).isEqualTo(4);
        assertThat(list(spool.done())).containsExactly("good.log");
        Map<String, String> reasons = reasons();
        assertThat(reasons).containsOnlyKeys("big.log", "garbage.log", "link.log", "pipe.log");
        assertThat(reasons.get("link.log")).contains("not a regular file but a symbolic link");
        assertThat(reasons.get("pipe.log")).contains("not a regular file but a special file");
        assertThat(reasons.get("big.log")).contains("larger than the cap of 4096 bytes");
        assertThat(reasons.get("garbage.log")).contains("no \"revisions tested:\" summary line");
        assertThat(Files.isSymbolicLink(spool.failed().resolve("link.log"))).isTrue();
        assertThat(Files.readString(secret)).isEqualTo(log(99));
        assertThat(list(spool.inbox())).isEmpty();
    }

    @Test
    void nameWithAControlCharacterIsRefused() throws Exception {
        TestLogs.drop(root, "bad\nname.log", log(5));
        ScanResult r = scanner().scan(() -> false);
        assertThat(r.failed()).isEqualTo(1);
        Map<String, String> reasons = reasons();
        assertThat(reasons).hasSize(1);
        String reason = reasons.values().iterator().next();
        assertThat(reason).contains("original name: bad\\u000aname.log").contains("control character");
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isZero();
    }

    @Test
    void sameContentUnderTwoNamesGivesOneMail() throws Exception {
        TestLogs.drop(root, "first.log", log(6));
        TestLogs.drop(root, "second.log", log(6));
        ScanResult r = scanner().scan(() -> false);
        assertThat(r.queued()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(list(spool.done())).containsExactly("first.log", "second.log");
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(1);
    }

    @Test
    void logWithoutSummaryWaitsForTheSettleTime() throws Exception {
        Path p = TestLogs.drop(root, "writing.log", "bisecting cause commit starting from 1111\nbuilding syzkaller\n");
        assertThat(scanner().scan(() -> false).processed()).isZero();
        assertThat(list(spool.inbox())).containsExactly("writing.log");
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        assertThat(scanner().scan(() -> false).failed()).isEqualTo(1);
    }

    @Test
    void sidecarTravelsWithItsLog() throws Exception {
        Files.writeString(root.resolve("staging-side.json"), "{\"bug-id\": \"abc\"}");
        Files.move(root.resolve("staging-side.json"), spool.inbox().resolve("c.log.json"));
        TestLogs.drop(root, "c.log", log(7));
        byte[][] seen = new byte[1][];
        LogProcessor recording = (name, bytes, sidecar) -> {
            seen[0] = sidecar;
            return new TestProcessor().prepare(name, bytes, sidecar);
        };
        new SpoolScanner(spool, recording, outbox, false).scan(() -> false);
        assertThat(new String(seen[0], StandardCharsets.UTF_8)).isEqualTo("{\"bug-id\": \"abc\"}");
        assertThat(list(spool.done())).containsExactly("c.log", "c.log.json");
    }

    @Test
    void sidecarWaitsInTheInboxUntilItsLogArrives() throws Exception {
        Files.writeString(spool.inbox().resolve("d.log.json"), "{}");
        assertThat(scanner().scan(() -> false).processed()).isZero();
        assertThat(list(spool.inbox())).containsExactly("d.log.json");
    }

    @Test
    void logsLeftInWorkAreProcessedOnRecovery() throws Exception {
        Files.writeString(spool.work().resolve("crashed.log"), log(8));
        ScanResult r = scanner().recover(() -> false);
        assertThat(r.queued()).isEqualTo(1);
        assertThat(list(spool.done())).containsExactly("crashed.log");
    }

    @Test
    void logsLeftInWorkByARecoveryTheStoreCutShortAreTakenUpByTheNextScan() throws Exception {
        for (int i = 1; i <= 3; i++) {
            TestLogs.drop(root, "w" + i + ".log", log(10 + i));
            Files.move(spool.inbox().resolve("w" + i + ".log"), spool.work().resolve("w" + i + ".log"));
        }
        SpoolScanner scanner = scanner();
        try (var c = db.connection(); var st = c.createStatement()) {
            st.execute("alter table processed_log rename to processed_log_away");
        }
        ScanResult cut = scanner.recover(() -> false);
        assertThat(cut.deferred()).isEqualTo(1);
        assertThat(list(spool.work())).hasSize(2);
        try (var c = db.connection(); var st = c.createStatement()) {
            st.execute("alter table processed_log_away rename to processed_log");
        }

        ScanResult next = scanner.scan(() -> false);

        assertThat(next.queued()).isEqualTo(3);
        assertThat(list(spool.work())).isEmpty();
        assertThat(list(spool.done())).containsExactlyInAnyOrder("w1.log", "w2.log", "w3.log");
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(3);
    }

    @Test
    void logAlreadyStoredBeforeACrashIsNotQueuedTwice() throws Exception {
        TestLogs.drop(root, "e.log", log(9));
        scanner().scan(() -> false);
        // the crash came after the outbox commit but before the move to done/
        Files.move(spool.done().resolve("e.log"), spool.work().resolve("e.log"));
        ScanResult r = scanner().recover(() -> false);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(1);
        assertThat(list(spool.done())).containsExactly("e.log");
    }

    @Test
    void sameNameArrivingAgainIsArchivedBesideTheFirst() throws Exception {
        TestLogs.drop(root, "f.log", log(10));
        scanner().scan(() -> false);
        TestLogs.drop(root, "f.log", log(11));
        scanner().scan(() -> false);
        assertThat(list(spool.done())).containsExactly("f.log", "f.log.1");
        assertThat(outbox.status().summary().count(OutboxState.PENDING)).isEqualTo(2);
    }

    @Test
    void moderateAndSkipVerdictsAreHeldAndRecorded() throws Exception {
        TestLogs.drop(root, "g.log", TestLogs.log(12, List.of("a@example.org"), List.of(), "moderate"));
        TestLogs.drop(root, "h.log", TestLogs.log(13, List.of("a@example.org"), List.of(), "skip"));
        ScanResult r = scanner().scan(() -> false);
        assertThat(r.held()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(outbox.status().summary().count(OutboxState.HELD)).isEqualTo(1);
        assertThat(outbox.status().summary().count(OutboxState.SKIPPED)).isEqualTo(1);
        assertThat(list(spool.done())).containsExactly("g.log", "h.log");
    }

    @Test
    void processorDefectSendsTheLogToFailedInsteadOfLosingIt() throws Exception {
        TestLogs.drop(root, "i.log", log(14));
        LogProcessor broken = (name, bytes, sidecar) -> {
            throw new IllegalStateException("template exploded");
        };
        ScanResult r = new SpoolScanner(spool, broken, outbox, false).scan(() -> false);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(reasons().get("i.log")).contains("internal error while processing").contains("template exploded");
    }

    @Test
    void aLogWhoseLookupFindsTheStoreDownWaitsInTheInbox() throws Exception {
        TestLogs.drop(root, "w.log", log(16));
        LogProcessor storeDown = (name, bytes, sidecar) -> {
            throw new StoreUnavailableException("cannot count the results that blamed 1234: connection refused", null);
        };
        ScanResult r = new SpoolScanner(spool, storeDown, outbox, false).scan(() -> false);
        assertThat(r.deferred()).isEqualTo(1);
        assertThat(r.failed()).isZero();
        assertThat(list(spool.inbox())).containsExactly("w.log");
        assertThat(list(spool.failed())).isEmpty();

        ScanResult again = new SpoolScanner(spool, new TestProcessor(), outbox, false).scan(() -> false);
        assertThat(again.queued()).as("taken up once the store answers").isEqualTo(1);
        assertThat(list(spool.done())).containsExactly("w.log");
    }

    @Test
    void readOnlyScanMovesNothing() throws Exception {
        TestLogs.drop(root, "j.log", log(15));
        TestLogs.drop(root, "k.log", "garbage\n");
        Files.setLastModifiedTime(spool.inbox().resolve("k.log"), FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
        ScanResult r = new SpoolScanner(spool, new TestProcessor(), outbox, true).scan(() -> false);
        assertThat(r.queued()).isEqualTo(1);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(list(spool.inbox())).containsExactly("j.log", "k.log");
        assertThat(list(spool.done())).isEmpty();
        assertThat(list(spool.failed())).isEmpty();
    }

    private Map<String, String> reasons() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(spool.failed())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".reason")) {
                    out.put(n.substring(0, n.length() - ".reason".length()), Files.readString(p));
                }
            }
        }
        return out;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

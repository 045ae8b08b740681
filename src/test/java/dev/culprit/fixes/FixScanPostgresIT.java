package dev.culprit.fixes;

import static dev.culprit.fixes.LearnFixtures.MAILED;
import static dev.culprit.fixes.LearnFixtures.commit;
import static dev.culprit.fixes.LearnFixtures.mailCulprit;
import static dev.culprit.fixes.LearnFixtures.sidecar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Label;
import dev.culprit.store.Database;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.Labels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of a cluster share one PostgreSQL store and read the same fix history at the same
 * moment: each result is labelled once.
 */
class FixScanPostgresIT {
    private static final Instant LATER = MAILED.plus(Duration.ofDays(2));
    private static EmbeddedDb pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pg = EmbeddedDb.start();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void twoInstancesScanningAtOnceLabelEachResultOnce() throws Exception {
        String url = pg.newDatabase();
        List<Long> ids = new ArrayList<>();
        try (Database first = Database.open(url, EmbeddedDb.USER, null); Database second = Database.open(url, EmbeddedDb.USER, null);
                Git git = LearnFixtures.init(dir.resolve("linux"))) {
            for (int i = 0; i < 40; i++) {
                String hash = HexFormat.of().toHexDigits(i) + "0".repeat(32);
                ids.add(mailCulprit(first, hash, "title " + i, sidecar("bot+" + i + "@example.org", null), MAILED.plusSeconds(i)));
                commit(git, "fix " + i + "\n\nFixes: " + hash.substring(0, 12) + "\nReported-by: bot+" + i + "@example.org\n",
                        LATER.plusSeconds(i));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<FixScan.Pass>> passes = new ArrayList<>();
                for (Database db : List.of(first, second)) {
                    FixScan scan = new FixScan(new LearnSettings(dir.resolve("linux"), null, null, null), null, new Labels(db),
                            new LabelCounts(db), Clock.fixed(LATER.plus(Duration.ofDays(1)), ZoneOffset.UTC));
                    passes.add(pool.submit(() -> {
                        go.await();
                        return scan.run();
                    }));
                }
                go.countDown();
                int labelled = 0;
                for (Future<FixScan.Pass> p : passes) {
                    assertThat(p.get().problems()).isEmpty();
                    labelled += p.get().labelled();
                }
                assertThat(labelled).isEqualTo(40);
            } finally {
                pool.shutdownNow();
            }
            Labels labels = new Labels(first);
            for (long id : ids) {
                assertThat(labels.of(id)).singleElement().extracting(Label::value).isEqualTo(Label.Value.RIGHT);
            }
            assertThat(new LabelCounts(second).trackRecord().landed()).isEqualTo(40);
        }
    }
}

package dev.culprit.bench;

import dev.culprit.fixes.FixScan;
import dev.culprit.fixes.LearnSettings;
import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Outcome;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Sidecar;
import dev.culprit.model.Verdict;
import dev.culprit.store.Database;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.Labels;
import dev.culprit.store.Outbox;
import dev.culprit.testing.TestMails;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * The fix-history scan over a generated history: {@code COMMITS} commits (default 200,000), one
 * in 50 a fix whose trailers point at one of {@code RESULTS} mailed culprits (default 2,000).
 * Prints the time and the heap of the first scan (the whole history) and of an incremental scan
 * over 1,000 new commits. Not part of {@code mvn verify}:
 *
 * <pre>
 * mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-Xmx512m -cp %classpath dev.culprit.bench.FixScanBenchmark 200000 2000"
 * </pre>
 */
public final class FixScanBenchmark {
    private static final Instant MAILED = Instant.parse("2020-01-01T00:00:00Z");

    private FixScanBenchmark() {}

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int results = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dir = Files.createTempDirectory("culprit-fixscan-bench");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call(); Database db = Database.inMemory()) {
            long t0 = System.nanoTime();
            ObjectId tip = append(git.getRepository(), null, 0, commits, results);
            System.out.printf("generated %,d commits in %.1f s%n", commits, (System.nanoTime() - t0) / 1e9);
            for (int i = 0; i < results; i++) {
                mail(db, i);
            }
            FixScan scan = new FixScan(new LearnSettings(dir, null, null, null), null, new Labels(db), new LabelCounts(db),
                    Clock.fixed(MAILED.plusSeconds(10L * (commits + 2_000)), ZoneOffset.UTC));
            measure("first scan", scan);
            append(git.getRepository(), tip, commits, 1_000, results);
            measure("incremental scan (1,000 new commits)", scan);
        }
    }

    private static void measure(String what, FixScan scan) throws Exception {
        System.gc();
        long before = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        FixScan.Pass pass = scan.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: %,d commits read, %,d labels, %.2f s; heap used before %d MB, peak %d MB (max %d MB)%n", what,
                pass.commitsRead(), pass.labelled(), seconds, before >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String hash(int i) {
        return HexFormat.of().toHexDigits(i) + "0".repeat(32);
    }

    /** Appends {@code n} commits to {@code parent} in one pack and points master at the last. */
    private static ObjectId append(Repository repo, ObjectId parent, int from, int n, int results) throws Exception {
        ObjectId tip = parent;
        try (PackInserter ins = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
            ObjectId tree = ins.insert(new TreeFormatter());
            for (int i = from; i < from + n; i++) {
                PersonIdent who = new PersonIdent("Dev", "dev@example.org", MAILED.plusSeconds(10L * (i + 1)), ZoneOffset.UTC);
                CommitBuilder c = new CommitBuilder();
                c.setTreeId(tree);
                if (tip != null) {
                    c.setParentId(tip);
                }
                c.setAuthor(who);
                c.setCommitter(who);
                c.setMessage(message(i, results));
                tip = ins.insert(c);
            }
            ins.flush();
        }
        RefUpdate u = repo.updateRef(Constants.R_HEADS + "master");
        u.setNewObjectId(tip);
        u.setForceUpdate(true);
        u.update();
        return tip;
    }

    private static String message(int i, int results) {
        StringBuilder m = new StringBuilder("subsystem: change number ").append(i).append("\n\nA body line about the change.\n\n");
        if (i % 50 == 0) {
            int r = (i / 50) % results;
            m.append("Fixes: ").append(i % 100 == 0 ? hash(r).substring(0, 12) : "0123456789ab").append(" (\"title ").append(r)
                    .append("\")\nReported-by: bot+").append(r).append("@example.org\n");
        }
        return m.append("Signed-off-by: Dev <dev@example.org>\n").toString();
    }

    private static void mail(Database db, int i) throws Exception {
        BisectionReport report = BisectionReport.builder().type(BisectionType.CAUSE).outcome(Outcome.CULPRIT).culpritHash(hash(i))
                .culpritTitle("title " + i).originalCrashTitle("crash " + i).build();
        ResultKey key = ResultKey.of(report);
        String id = key.messageId(TestMails.DOMAIN);
        Sidecar side = new Sidecar(null, null, null, null, "bot+" + i + "@example.org", null, null);
        PreparedMail mail = new PreparedMail(i + ".log", key, id, report, new Assessment(Verdict.MAIL, 1.0, List.of()),
                List.of(TestMails.to("dev@example.org")), "s", TestMails.mime(id, "s", "b\n", List.of(TestMails.to("dev@example.org"))),
                List.of(), side);
        new Outbox(db, Clock.fixed(MAILED, ZoneOffset.UTC)).intake().accept(mail, i + ".log", key.sha256());
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("update outbox set state = 'sent', sent_at = timestamp with time zone '2020-01-01 00:00:00+00'"
                    + " where key_hash = '" + key.sha256() + "'");
        }
    }
}

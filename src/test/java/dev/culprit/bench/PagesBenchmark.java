package dev.culprit.bench;

import dev.culprit.config.Secrets;
import dev.culprit.mail.KillSwitch;
import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Signal;
import dev.culprit.model.Verdict;
import dev.culprit.ops.Activity;
import dev.culprit.ops.Health;
import dev.culprit.ops.HttpEndpoint;
import dev.culprit.ops.Metrics;
import dev.culprit.ops.MetricsSettings;
import dev.culprit.pages.PageSources;
import dev.culprit.pages.StatusPages;
import dev.culprit.render.Renderer;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.spool.SpoolSettings;
import dev.culprit.store.Database;
import dev.culprit.store.Intake;
import dev.culprit.store.Outbox;
import dev.culprit.testing.TestMails;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The status pages with a large store: fills an H2 store on disk with {@code results} results
 * (one in 100 held, one in 10 skipped, the rest sent), serves the pages on a loopback port and
 * times GETs of {@code /} (the newest page and one deep in the list), of a result's page and of
 * {@code /held}, each against {@code /health} and a {@code select 1} round trip timed in the
 * same rounds. Before each round a row of every table read is changed, as in a running service.
 * Prints the median of the measured rounds, as milliseconds and as ratios. The store is deleted
 * at the end.
 *
 * <p>Arguments: {@code [results=100000] [rounds=21] [warm-up=200]}.
 */
public final class PagesBenchmark {
    private PagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        // the JDK's server otherwise waits for the client's delayed ACK (40 ms) between headers and
        // body, which would be all that is measured
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int results = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("culprit-pages-bench");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("culprit"), null, null);
                Metrics metrics = new Metrics()) {
            long start = System.nanoTime();
            fill(db, clock, results);
            System.out.printf(Locale.ROOT, "filled %,d results in %.1f s%n", results, (System.nanoTime() - start) / 1e9);
            HttpEndpoint endpoint = HttpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics,
                    () -> new Health(true, "benchmark"));
            try {
                int port = endpoint.address().getPort();
                PageSources sources = new PageSources(db, clock, new KillSwitch(false, dir), new SpoolDirectory(
                        new SpoolSettings(dir.resolve("spool"), null, null), clock), new Activity(clock)::snapshot, 20, null);
                endpoint.servePages(StatusPages.create(new MetricsSettings(true, "127.0.0.1", port, true, null), port,
                        Secrets.fromEnvironment(), sources, new Renderer(Renderer.bundledLoader())).orElseThrow());
                measure(db, port, results, rounds, warmUp);
            } finally {
                endpoint.close();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void fill(Database db, Clock clock, int results) throws Exception {
        Intake intake = new Outbox(db, clock).intake();
        List<Intake.Arrival> batch = new ArrayList<>();
        for (int n = 1; n <= results; n++) {
            Verdict v = n % 100 == 0 ? Verdict.MODERATE : n % 10 == 0 ? Verdict.SKIP : Verdict.MAIL;
            batch.add(new Intake.Arrival(result(n, v), "log-" + n + ".txt", "content-" + n));
            if (batch.size() == 1000) {
                intake.acceptAll(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            intake.acceptAll(batch);
        }
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("update outbox set state = 'sent', sent_at = created_at where state = 'pending'");
        }
    }

    private static PreparedMail result(int n, Verdict verdict) {
        String hash = HexFormat.of().toHexDigits((long) n) + "0".repeat(24);
        String title = "general protection fault in subsystem_function_" + n;
        BisectionReport r = ReportBuilder.culprit().culpritHash(hash).culpritTitle("subsystem: fix " + n)
                .crash(title, "report " + n).originalCrashTitle(title).build();
        ResultKey key = ResultKey.of(r);
        String messageId = key.messageId(TestMails.DOMAIN);
        var to = List.of(TestMails.to("dev" + n + "@example.org"), TestMails.cc("list" + (n % 50) + "@lists.example.org"));
        String subject = "[culprit] " + title;
        return new PreparedMail("log-" + n + ".txt", key, messageId, r,
                new Assessment(verdict, 0.8, List.of(new Signal("flaky", 0.2, "the reproducer was flaky"))), to, subject,
                TestMails.mime(messageId, subject, "Result " + n + "\n", to), List.of());
    }

    private static void measure(Database db, int port, int results, int rounds, int warmUp) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String key = ResultKey.of(ReportBuilder.culprit().culpritHash(HexFormat.of().toHexDigits((long) results / 2) + "0".repeat(24))
                .culpritTitle("x").crash("general protection fault in subsystem_function_" + results / 2, "r")
                .originalCrashTitle("general protection fault in subsystem_function_" + results / 2).build()).shortId();
        String[] paths = {"/health", "/", "/?before=" + (results / 2), "/results/" + key, "/held"};
        String[] names = {"/health", "/ (newest 50)", "/ (deep page)", "/results/KEY", "/held"};
        long[][] times = new long[paths.length + 1][rounds];
        for (int i = 0; i < warmUp; i++) {
            for (String p : paths) {
                get(client, port, p);
            }
            selectOne(db);
        }
        for (int r = 0; r < rounds; r++) {
            touch(db);
            for (int i = 0; i < paths.length; i++) {
                long t = System.nanoTime();
                get(client, port, paths[i]);
                times[i][r] = System.nanoTime() - t;
            }
            long t = System.nanoTime();
            selectOne(db);
            times[paths.length][r] = System.nanoTime() - t;
        }
        double health = median(times[0]);
        double select = median(times[paths.length]);
        System.out.printf(Locale.ROOT, "%,d results, median of %d rounds after %d warm-up rounds%n", results, rounds, warmUp);
        System.out.printf(Locale.ROOT, "  %-16s %8.2f ms%n", "select 1", select / 1e6);
        for (int i = 0; i < paths.length; i++) {
            double m = median(times[i]);
            System.out.printf(Locale.ROOT, "  %-16s %8.2f ms  %6.1f x /health  %7.1f x select 1%n", names[i], m / 1e6,
                    m / health, m / select);
        }
    }

    /**
     * Changes a row of each table the pages read, as a running service does: H2 otherwise answers
     * a repeated query from its cache of results, and the rounds would time that.
     */
    private static void touch(Database db) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("update outbox set updated_at = updated_at where id = 1");
            st.executeUpdate("update result_summary set culprit = culprit where outbox_id = 1");
            st.executeUpdate("update outbox_recipient set state = state where outbox_id = 1");
            st.executeUpdate("update processed_log set disposition = disposition where content_hash = 'content-1'");
            st.executeUpdate("update held_result set score = score where outbox_id = 100");
        }
    }

    private static void get(HttpClient client, int port, String path) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + new String(r.body()));
        }
    }

    private static void selectOne(Database db) throws Exception {
        try (Connection c = db.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
            rs.next();
        }
    }

    private static double median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}

package dev.culprit.bench;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.cli.Culprit;
import dev.culprit.cli.Main;
import dev.culprit.cli.TestServiceMain;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Verdict;
import dev.culprit.parse.LogParser;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PipelineLogProcessor;
import dev.culprit.spool.LogProcessor;
import dev.culprit.testing.GreenMailSetups;
import dev.culprit.testing.TestLogs;
import dev.culprit.testing.TestProcessor;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Throughput and latency of the service against GreenMail.
 *
 * <ul>
 *   <li>Delivery through a relay that behaves like one: a proxy in front of GreenMail delays each
 *       of its replies by 2 ms ({@link DelayingProxy}). With the outbox already filled (a
 *       {@code culprit once} with delivery paused), a second {@code culprit once} sends the
 *       mails, against the raw Angus loop sending the same messages through the same proxy, in
 *       the same JVM and run; a whole {@code culprit once} (scan and delivery) through the proxy
 *       is timed beside them.
 *   <li>Throughput on loopback: N logs through {@code culprit once} (spool claim, processing, durable outbox
 *       with every state change committed, SMTP) against a raw Angus loop sending the same
 *       pre-rendered messages over one connection, in the same JVM and run.
 *   <li>Latency: {@code culprit run} in a child JVM with the default schedule (the directory
 *       watch wakes the scan); 100 logs renamed into {@code inbox/} one after another, the time
 *       from each rename to the message's arrival at GreenMail.
 * </ul>
 *
 * Both sides are run in alternation, after warm-up rounds, so that each meets a JIT as warm as
 * the other's. The raw loop's code is compiled after a round or two; once's, which sets up a new
 * store and wiring every round, still spends most of a second per round in the JIT compiler after
 * 10 rounds, 0.2 to 0.6 s after 25 to 30 (the code each round runs once, picocli's, Flyway's, H2's
 * parser, crosses the compile thresholds a little more each round) and under a tenth of a second
 * after 60: hence 60 by default, and the JIT's time is printed beside each side's CPU time. The figure compares the fastest measured round of each
 * side: on a shared machine interference only ever adds time, and the raw loop's rounds vary the most.
 *
 * <p>Arguments: {@code [logs=1000] [latency-logs=100] [rounds=5] [warm-up-rounds=60] [test|real]
 * [relay-logs=500] [relay-warm-up-rounds=2]}: with {@code real}, the logs are syzbot's from
 * {@code corpus/real} that are mailed as they are, each copy with a culprit hash of its own,
 * through the real pipeline on both sides. Through the relay, whose 2 ms a reply dominate, the
 * JIT's warmth matters little: a few warm-up rounds do.
 */
public final class ServiceBenchmark {
    private ServiceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int logs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int latencyLogs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        real = args.length > 4 && args[4].equals("real");
        int relayLogs = args.length > 5 ? Integer.parseInt(args[5]) : 500;
        int relayWarmups = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        Path work = Files.createTempDirectory("culprit-bench");
        GreenMail greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
        try {
            int port = greenMail.getSmtp().getPort();
            if (relayLogs > 0) {
                throughRelay(work.resolve("relay"), greenMail, relayLogs, rounds, relayWarmups);
            }
            List<String> texts = real ? realLogs(logs) : logs(0, logs);
            // the raw loop's messages, rendered once before any round: its rounds time the sending only
            List<PreparedMail> rendered = prepare(texts);
            int expected = 0;
            for (PreparedMail m : rendered) {
                expected += m.recipients().size();
            }
            System.out.printf("throughput: %d logs, %s; %d warm-up and %d measured rounds, "
                    + "each the raw Angus loop then culprit once (a fresh spool and store) on the same logs%n", logs,
                    real ? "syzbot's logs of corpus/real through the real pipeline (parse, assess, address, render), "
                            + expected + " recipients in all"
                            : "generated logs with 3 recipients each, turned into mails by the test processor", warmups, rounds);
            List<Double> rawTimes = new ArrayList<>();
            List<Double> onceTimes = new ArrayList<>();
            List<Double> rawCpu = new ArrayList<>();
            List<Double> onceCpu = new ArrayList<>();
            List<Double> rawJit = new ArrayList<>();
            List<Double> onceJit = new ArrayList<>();
            for (int round = 0; round < warmups + rounds; round++) {
                long cpu0 = processCpuNanos();
                long jit0 = jitMillis();
                double rawSeconds = raw(port, rendered);
                long cpu1 = processCpuNanos();
                long jit1 = jitMillis();
                int rawReceived = greenMail.getReceivedMessages().length;
                greenMail.purgeEmailFromAllMailboxes();
                long cpu2 = processCpuNanos();
                long jit2 = jitMillis();
                double onceSeconds = wholeOnce(work.resolve("once-" + round), port, texts);
                long cpu3 = processCpuNanos();
                long jit3 = jitMillis();
                int onceReceived = greenMail.getReceivedMessages().length;
                greenMail.purgeEmailFromAllMailboxes();
                deleteTree(work.resolve("once-" + round));
                if (rawReceived != expected || onceReceived != expected) {
                    throw new IllegalStateException("expected " + expected + " messages each, received " + rawReceived
                            + " from the raw loop and " + onceReceived + " from once");
                }
                boolean warm = round < warmups;
                System.out.printf("  %s %d: raw loop %.2f s (%.0f mails/s, %.2f s CPU), once %.2f s (%.0f mails/s, %.2f s CPU, JIT %.2f s)%n",
                        warm ? "warm-up" : "round  ", warm ? round + 1 : round - warmups + 1, rawSeconds, logs / rawSeconds,
                        (cpu1 - cpu0) / 1e9, onceSeconds, logs / onceSeconds, (cpu3 - cpu2) / 1e9, (jit3 - jit2) / 1e3);
                if (!warm) {
                    rawTimes.add(rawSeconds);
                    onceTimes.add(onceSeconds);
                    rawCpu.add((cpu1 - cpu0) / 1e9);
                    onceCpu.add((cpu3 - cpu2) / 1e9);
                    rawJit.add((jit1 - jit0) / 1e3);
                    onceJit.add((jit3 - jit2) / 1e3);
                }
            }
            // the fixed part of a once: opening and migrating a new store, closing it
            double emptySeconds = wholeOnce(work.resolve("empty"), port, List.of());
            double rawBest = Collections.min(rawTimes);
            double onceBest = Collections.min(onceTimes);
            System.out.printf("  fastest of %d rounds: raw loop %.2f s (%.0f mails/s), once %.2f s (%.0f mails/s)%n", rounds, rawBest,
                    logs / rawBest, onceBest, logs / onceBest);
            System.out.printf("  loopback ratio: %.0f%% of the raw loop (no target); medians %.2f s and %.2f s, %.0f%%%n",
                    100 * rawBest / onceBest, median(rawTimes), median(onceTimes), 100 * median(rawTimes) / median(onceTimes));
            System.out.printf("  CPU time of the whole process (GreenMail, JIT and GC included), medians: raw loop %.2f s, once %.2f s"
                    + " on %d processors; of which the JIT compiler's, medians: %.2f s and %.2f s%n", median(rawCpu), median(onceCpu),
                    Runtime.getRuntime().availableProcessors(), median(rawJit), median(onceJit));
            System.out.printf("  fixed part of a once (new store opened, migrated, closed; no log): %.2f s%n", emptySeconds);
            if (latencyLogs > 0) {
                latency(work.resolve("latency"), greenMail, latencyLogs);
            }
        } finally {
            greenMail.stop();
            deleteTree(work);
        }
    }

    /** Deletes a round's spool and store (about 100 MB for 1,000 logs) once it is measured. */
    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The time the JIT compiler's threads have spent compiling, summed over them. */
    private static long jitMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static List<String> logs(int from, int n) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(TestLogs.log(i, List.of("dev" + i + "@example.org"), List.of("list-a@vger.kernel.org", "list-b@lists.example.org")));
        }
        return out;
    }

    /** Whether the logs are syzbot's, through the real pipeline, rather than generated ones through the test processor. */
    private static boolean real;

    /** The mails the processor in use makes of these logs. */
    private static List<PreparedMail> prepare(List<String> logs) throws Exception {
        LogProcessor p = real ? new PipelineLogProcessor(new Culprit(CulpritConfig.defaults(), java.time.Clock.systemUTC()).pipeline())
                : new TestProcessor();
        List<PreparedMail> mails = new ArrayList<>();
        for (String l : logs) {
            mails.add(p.prepare("raw.log", l.getBytes(StandardCharsets.UTF_8), null));
        }
        return mails;
    }

    /**
     * {@code n} logs made from syzbot's logs in {@code corpus/real} whose result is mailed as it
     * is: each copy has its culprit's hash replaced throughout by one of its own, so that every
     * copy is a result of its own.
     */
    private static List<String> realLogs(int n) throws Exception {
        PipelineLogProcessor p = new PipelineLogProcessor(new Culprit(CulpritConfig.defaults(), java.time.Clock.systemUTC()).pipeline());
        List<String> mailed = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Path dir = Paths.get(ServiceBenchmark.class.getResource("/corpus/real").toURI());
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(f);
                BisectionReport r = new LogParser(CulpritConfig.defaults().parse().crashReportLimit()).parse(new String(bytes, StandardCharsets.UTF_8)).report();
                try {
                    if (r.culprit() != null && p.prepare(f.getFileName().toString(), bytes, null).verdict() == Verdict.MAIL) {
                        mailed.add(new String(bytes, StandardCharsets.UTF_8));
                        hashes.add(r.culprit().hash());
                    }
                } catch (dev.culprit.spool.LogRejectedException e) {
                    // not a finished log: not one of the benchmark's
                }
            }
        }
        System.out.printf("real logs: %d of corpus/real are mailed as they are; copies of them make the %d logs%n", mailed.size(), n);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = i % mailed.size();
            out.add(mailed.get(j).replace(hashes.get(j), TestLogs.hash(i)));
        }
        return out;
    }

    /** Sends these pre-rendered messages over one Angus connection; returns seconds. */
    private static double raw(int port, List<PreparedMail> mails) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(props);
        long t0 = System.nanoTime();
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            for (PreparedMail m : mails) {
                MimeMessage msg = new MimeMessage(session, new ByteArrayInputStream(m.message()));
                Address[] to = new Address[m.recipients().size()];
                for (int i = 0; i < to.length; i++) {
                    to[i] = new InternetAddress(m.recipients().get(i).address());
                }
                t.sendMessage(msg, to);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Delivery through the relay: each round the raw loop through the proxy, a whole once through
     * it, and a once that sends what an earlier once with delivery paused left in the outbox.
     */
    private static void throughRelay(Path work, GreenMail greenMail, int logs, int rounds, int warmups) throws Exception {
        List<String> texts = real ? realLogs(logs) : logs(0, logs);
        List<PreparedMail> rendered = prepare(texts);
        int expected = rendered.stream().mapToInt(m -> m.recipients().size()).sum();
        System.out.printf("relay: %d logs (%s), GreenMail behind a proxy that delays each reply by 2 ms; %d warm-up and %d measured"
                + " rounds, each the raw Angus loop, a whole culprit once, and culprit once on a filled outbox%n", logs,
                real ? "syzbot's, real pipeline" : "generated, test processor", warmups, rounds);
        List<Double> rawTimes = new ArrayList<>();
        List<Double> wholeTimes = new ArrayList<>();
        List<Double> deliveryTimes = new ArrayList<>();
        try (DelayingProxy proxy = new DelayingProxy(greenMail.getSmtp().getPort(), java.time.Duration.ofMillis(2))) {
            for (int round = 0; round < warmups + rounds; round++) {
                double raw = raw(proxy.port(), rendered);
                received(greenMail, expected, "the raw loop");
                double whole = wholeOnce(work.resolve("whole-" + round), proxy.port(), texts);
                received(greenMail, expected, "a whole once");
                Path dir = work.resolve("filled-" + round);
                fill(dir, proxy.port(), texts);
                received(greenMail, 0, "a once with delivery paused");
                // once on the filled outbox and an empty spool: the delivery
                double delivery = once(dir, proxy.port());
                received(greenMail, expected, "once on a filled outbox");
                deleteTree(work);
                boolean warm = round < warmups;
                System.out.printf("  %s %d: raw loop %.2f s (%.1f ms a mail), whole once %.2f s, once on a filled outbox %.2f s%n",
                        warm ? "warm-up" : "round  ", warm ? round + 1 : round - warmups + 1, raw, 1000 * raw / logs, whole, delivery);
                if (!warm) {
                    rawTimes.add(raw);
                    wholeTimes.add(whole);
                    deliveryTimes.add(delivery);
                }
            }
        }
        double rawBest = Collections.min(rawTimes);
        System.out.printf("  raw loop through the proxy: %.1f ms a mail (fastest round), %.1f ms (median)%n", 1000 * rawBest / logs,
                1000 * median(rawTimes) / logs);
        System.out.printf("  delivery by once on a filled outbox: %.2f s, ratio %.2f of the raw loop (target >= 0.9);"
                + " medians %.2f s and %.2f s, ratio %.2f%n", Collections.min(deliveryTimes), rawBest / Collections.min(deliveryTimes),
                median(rawTimes), median(deliveryTimes), median(rawTimes) / median(deliveryTimes));
        System.out.printf("  whole once (scan and delivery): %.2f s, ratio %.2f of the raw loop (no target); median %.2f s%n",
                Collections.min(wholeTimes), rawBest / Collections.min(wholeTimes), median(wholeTimes));
    }

    /** Checks that GreenMail received {@code expected} messages, and empties it. */
    private static void received(GreenMail greenMail, int expected, String what) throws Exception {
        int n = greenMail.getReceivedMessages().length;
        greenMail.purgeEmailFromAllMailboxes();
        if (n != expected) {
            throw new IllegalStateException(what + ": expected " + expected + " messages, received " + n);
        }
    }

    /** Drops the logs into a fresh spool and runs {@code culprit once} in this JVM; returns seconds. */
    private static double wholeOnce(Path dir, int port, List<String> logs) throws IOException {
        drop(dir, logs);
        return once(dir, port);
    }

    /** Fills a fresh outbox with the logs' mails: {@code culprit once} with delivery paused. */
    private static void fill(Path dir, int port, List<String> logs) throws IOException {
        drop(dir, logs);
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state").resolve("paused"), "filling the outbox\n");
        once(dir, port);
        Files.delete(dir.resolve("state").resolve("paused"));
    }

    private static void drop(Path dir, List<String> logs) throws IOException {
        Path spool = dir.resolve("spool");
        Files.createDirectories(spool.resolve("inbox"));
        int i = 0;
        for (String l : logs) {
            TestLogs.drop(spool, "log-" + i++ + ".log", l);
        }
    }

    /** Runs {@code culprit once} in this JVM on the spool and state in {@code dir}; returns seconds. */
    private static double once(Path dir, int port) throws IOException {
        Path config = writeConfig(dir, port, "delivery:\n  hourly-cap: 1000000\n  daily-cap-per-person: 1000000\n");
        long t0 = System.nanoTime();
        int code = (real ? Main.newCommandLine() : TestServiceMain.commandLine()).execute("once", "-q", "--config", config.toString());
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("once exited with " + code);
        }
        return s;
    }

    private static Path writeConfig(Path dir, int port, String extra) throws IOException {
        Files.createDirectories(dir);
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, "spool:\n  dir: " + dir.resolve("spool") + "\n"
                + "state:\n  dir: " + dir.resolve("state") + "\n"
                + "smtp:\n  host: 127.0.0.1\n  port: " + port + "\n  security: none\n" + extra);
        return config;
    }

    private static void latency(Path dir, GreenMail greenMail, int n) throws Exception {
        Path spool = dir.resolve("spool");
        Files.createDirectories(spool.resolve("inbox"));
        Path config = writeConfig(dir, greenMail.getSmtp().getPort(), "");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TestServiceMain.class.getName(), "run", "--config", config.toString())
                .redirectOutput(dir.resolve("run.out").toFile()).redirectError(dir.resolve("run.err").toFile()).start();
        try {
            // one recipient a log: GreenMail counts stored copies but wakes a wait once a message.
            // The service is started once it has mailed a first log.
            TestLogs.drop(spool, "probe.log", latencyLog(3_000_000));
            awaitReceived(greenMail, 1, 60_000, "the service mailing its first log");
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String text = latencyLog(4_000_000 + i);
                long t0 = System.nanoTime();
                TestLogs.drop(spool, "lat-" + i + ".log", text);
                awaitReceived(greenMail, i + 2, 60_000, "log " + i + " mailed");
                latencies.add((System.nanoTime() - t0) / 1_000_000);
            }
            Collections.sort(latencies);
            System.out.printf("latency: %d logs renamed into inbox/ one after another, culprit run (child JVM, default schedule)%n", n);
            System.out.printf("  rename -> received: p50 %d ms, p99 %d ms, max %d ms (target p50 <= 100 ms)%n",
                    latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
                    latencies.get(latencies.size() - 1));
        } finally {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String latencyLog(int n) {
        return TestLogs.log(n, List.of("dev" + n + "@example.org"), List.of());
    }

    private static void awaitReceived(GreenMail greenMail, int messages, long millis, String what) {
        if (!greenMail.waitForIncomingEmail(millis, messages)) {
            throw new IllegalStateException(what + ": not within " + millis + " ms");
        }
    }

}

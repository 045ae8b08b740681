package dev.culprit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ParseBenchmark} and prints both throughputs in MB/s and their ratio (the target is
 * parsing at no less than 50% of the line scan).
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String corpus = args.length > 0 ? args[0] : "src/test/resources/corpus";
        long bytes = ParseBenchmark.totalBytes(ParseBenchmark.read(Path.of(corpus)));
        Options opts = new OptionsBuilder()
                .include(ParseBenchmark.class.getName() + "\\.")
                .param("corpus", corpus)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        double parse = 0;
        double scan = 0;
        double parseMedian = 0;
        double scanMedian = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double mbPerSecond = r.getPrimaryResult().getScore() * bytes / 1e6;
            double median = medianIteration(r) * bytes / 1e6;
            if (name.endsWith(".parse")) {
                parse = mbPerSecond;
                parseMedian = median;
            } else if (name.endsWith(".lineScan")) {
                scan = mbPerSecond;
                scanMedian = median;
            }
        }
        System.out.printf(Locale.ROOT, "corpus: %s, %.1f MB per operation%n", corpus, bytes / 1e6);
        System.out.printf(Locale.ROOT, "JMH, mean (median) of the measured iterations:%n");
        System.out.printf(Locale.ROOT, "parse:     %8.1f MB/s (%.1f)%n", parse, parseMedian);
        System.out.printf(Locale.ROOT, "line scan: %8.1f MB/s (%.1f)%n", scan, scanMedian);
        System.out.printf(Locale.ROOT, "ratio:     %8.2f (%.2f), target >= 0.50%n", parse / scan, parseMedian / scanMedian);
        interleaved(ParseBenchmark.read(Path.of(corpus)), bytes);
    }

    /** The median operations per second of the measured iterations, robust to a busy machine. */
    private static double medianIteration(RunResult r) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                scores.add(i.getPrimaryResult().getScore());
            }
        }
        Collections.sort(scores);
        int n = scores.size();
        return n == 0 ? 0 : n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
    }

    /**
     * A check that stands up to a busy machine: both passes alternate in one thread, each timed by
     * the thread's CPU time, and the median ratio of the last rounds is printed.
     */
    private static void interleaved(List<byte[]> logs, long bytes) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ParseBenchmark b = new ParseBenchmark();
        b.corpus = null;
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        int rounds = 150;
        int kept = 50;
        double[] parse = new double[kept];
        double[] scan = new double[kept];
        double[] ratio = new double[kept];
        for (int round = 0; round < rounds; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            b.parse(bh, logs);
            long t1 = threads.getCurrentThreadCpuTime();
            bh.consume(b.lineScan(logs));
            long t2 = threads.getCurrentThreadCpuTime();
            if (round >= rounds - kept) {
                int k = round - (rounds - kept);
                parse[k] = bytes / 1e6 / ((t1 - t0) / 1e9);
                scan[k] = bytes / 1e6 / ((t2 - t1) / 1e9);
                ratio[k] = parse[k] / scan[k];
            }
        }
        Arrays.sort(parse);
        Arrays.sort(scan);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "interleaved, thread CPU time, median of the last %d of %d rounds:%n", kept, rounds);
        System.out.printf(Locale.ROOT, "parse:     %8.1f MB/s%n", parse[kept / 2]);
        System.out.printf(Locale.ROOT, "line scan: %8.1f MB/s%n", scan[kept / 2]);
        System.out.printf(Locale.ROOT, "ratio:     %8.2f (lowest %.2f, highest %.2f)%n", ratio[kept / 2], ratio[0], ratio[kept - 1]);
    }
}

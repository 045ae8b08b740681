package dev.culprit.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
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
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double mbPerSecond = r.getPrimaryResult().getScore() * bytes / 1e6;
            if (name.endsWith(".parse")) {
                parse = mbPerSecond;
            } else if (name.endsWith(".lineScan")) {
                scan = mbPerSecond;
            }
        }
        System.out.printf(Locale.ROOT, "corpus: %s, %.1f MB per operation%n", corpus, bytes / 1e6);
        System.out.printf(Locale.ROOT, "parse:     %8.1f MB/s%n", parse);
        System.out.printf(Locale.ROOT, "line scan: %8.1f MB/s%n", scan);
        System.out.printf(Locale.ROOT, "ratio:     %8.2f (target >= 0.50)%n", parse / scan);
    }
}

package dev.culprit.bench;

import dev.culprit.parse.LogParser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput over the whole corpus against the baseline of a plain line scan of the same
 * bytes ({@code BufferedReader.readLine}, counting lines). Both decode UTF-8 with replacement, as
 * {@code culprit parse} does. One operation reads every corpus log once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class ParseBenchmark {
    @Param("src/test/resources/corpus")
    public String corpus;

    private List<byte[]> logs;

    @Setup
    public void load() throws IOException {
        logs = read(Path.of(corpus));
    }

    static List<byte[]> read(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no .txt logs under " + dir.toAbsolutePath());
        }
        return out;
    }

    static long totalBytes(List<byte[]> logs) {
        return logs.stream().mapToLong(b -> b.length).sum();
    }

    private static Reader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    @Benchmark
    public void parse(Blackhole bh) throws IOException {
        parse(bh, logs);
    }

    @Benchmark
    public long lineScan() throws IOException {
        return lineScan(logs);
    }

    void parse(Blackhole bh, List<byte[]> logs) throws IOException {
        LogParser parser = new LogParser(64 * 1024);
        for (byte[] log : logs) {
            bh.consume(parser.parse(reader(log)));
        }
    }

    long lineScan(List<byte[]> logs) throws IOException {
        long lines = 0;
        for (byte[] log : logs) {
            try (BufferedReader r = new BufferedReader(reader(log))) {
                while (r.readLine() != null) {
                    lines++;
                }
            }
        }
        return lines;
    }
}

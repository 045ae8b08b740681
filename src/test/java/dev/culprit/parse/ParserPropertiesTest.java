package dev.culprit.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;
import dev.culprit.model.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the input, the parser returns a report in bounded time and never throws. */
class ParserPropertiesTest {
    private static final List<Path> LOGS = Corpus.allLogs();
    private static final Duration LIMIT = Duration.ofMinutes(1);

    private static ParseResult parseBytes(byte[] bytes) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new LogParser(4096).parse(new InputStreamReader(new ByteArrayInputStream(bytes), decoder));
        });
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertWellFormed(ParseResult result, long lines) {
        BisectionReport r = result.report();
        assertThat(r.outcome()).isNotNull();
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.line()).isBetween(0, (int) Math.max(lines, 1)));
        if (r.outcome() == Outcome.CULPRIT || r.outcome() == Outcome.FIX) {
            assertThat(r.culpritHash()).matches("[0-9a-f]{40}");
        }
        if (r.outcome() == Outcome.ERROR) {
            assertThat(r.errorMessage()).isNotNull();
        }
        if (r.outcome() == Outcome.INCONCLUSIVE) {
            assertThat(r.inconclusiveCommits()).isNotNull();
        }
        if (r.crash() != null) {
            assertThat(r.crash().report().length()).isLessThanOrEqualTo(4096);
        }
    }

    private static long lineCount(byte[] bytes) {
        long n = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    @Property(tries = 200)
    void randomBytesGiveAReport(@ForAll @Size(max = 20_000) byte[] bytes) {
        assertWellFormed(parseBytes(bytes), lineCount(bytes));
    }

    @Property(tries = 200)
    void randomTextOfLogWordsGivesAReport(@ForAll("logLikeText") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertWellFormed(parseBytes(bytes), lineCount(bytes));
    }

    @Property(tries = 200)
    void aCutLogNeverNamesAnotherCulprit(@ForAll("corpusLogs") Path log, @ForAll("fractions") double from,
            @ForAll("fractions") double to) {
        byte[] full = read(log);
        BisectionReport whole = parseBytes(full).report();
        int a = (int) (Math.min(from, to) * full.length);
        int b = (int) (Math.max(from, to) * full.length);
        byte[] cut = Arrays.copyOfRange(full, a, b);
        ParseResult result = parseBytes(cut);
        assertWellFormed(result, lineCount(cut));
        BisectionReport r = result.report();
        if (r.outcome() == Outcome.CULPRIT || r.outcome() == Outcome.FIX) {
            assertThat(r.culpritHash()).isEqualTo(whole.culpritHash());
        }
        if (a == 0 && r.startCommit() != null) {
            assertThat(r.startCommit()).isEqualTo(whole.startCommit());
        }
    }

    @Property(tries = 200)
    void mutatedLogsGiveAReport(@ForAll("corpusLogs") Path log, @ForAll("mutations") List<Integer> mutations) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(read(log), StandardCharsets.UTF_8).split("\n", -1)));
        for (int i = 0; i + 1 < mutations.size(); i += 2) {
            if (lines.isEmpty()) {
                break;
            }
            int at = Math.floorMod(mutations.get(i), lines.size());
            switch (Math.floorMod(mutations.get(i + 1), 5)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(Math.floorMod(mutations.get(i + 1), lines.size())));
                case 2 -> lines.set(at, lines.get(at).substring(0, lines.get(at).length() / 2));
                case 3 -> lines.set(at, lines.get(at) + "\u0000\uFFFD");
                default -> lines.add(at, "revisions tested: " + mutations.get(i + 1) + ", total time: 1s (build: 0s, test: 1s)");
            }
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        assertWellFormed(parseBytes(bytes), lineCount(bytes));
    }

    @Provide
    Arbitrary<Path> corpusLogs() {
        return Arbitraries.of(LOGS);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<List<Integer>> mutations() {
        return Arbitraries.integers().list().ofMinSize(2).ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> logLikeText() {
        Arbitrary<String> words = Arbitraries.of(
                "testing commit " + "a".repeat(40) + " gcc", "all runs: OK", "run #1: crashed: X", "compiler: gcc",
                "kernel signature: " + "1".repeat(64), "# git bisect good " + "b".repeat(40), "a".repeat(40) + " is the first bad commit",
                "commit " + "a".repeat(40), "Author: A <a@b>", "Date:   x", "    title", "", " f.c | 2 +-",
                "revisions tested: 3, total time: 1s (build: 0s, test: 1s)", "error: x", "crash: y",
                "first bad commit: " + "a".repeat(40) + " t", "first good commit: " + "c".repeat(40) + " t",
                "cc: [\"a@b\"]", "recipients (to): [\"a@b\" \"\\x", "bisection is inconclusive, the first bad commit could be any of:",
                "bisecting fixing commit since " + "d".repeat(40), "bisecting cause commit starting from " + "e".repeat(40),
                "testing release v5.0", "testing current HEAD " + "f".repeat(40), "failed building x: y", "kconfig minimization: base=1",
                "minimized to 3 configs; suspects: [A B", "the crash still happens on HEAD", "commit msg: z", "Bisecting: 3 revisions");
        return words.list().ofMaxSize(200).map(l -> String.join("\n", l));
    }

    @Property(tries = 50)
    void problemsCarryLinesWithinTheLog(@ForAll("logLikeText") String text) {
        ParseResult result = new LogParser(100).parse(text);
        long lines = text.isEmpty() ? 0 : text.split("\n", -1).length;
        assertThat(result.problems()).extracting(Problem::line).allSatisfy(l -> assertThat((long) l).isLessThanOrEqualTo(lines));
    }
}

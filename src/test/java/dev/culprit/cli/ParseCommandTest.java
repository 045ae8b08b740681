package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String H = "0123456789abcdef0123456789abcdef01234567";
    private static final String SMALL_LOG = """
            bisecting cause commit starting from %1$s
            building syzkaller on %1$s
            testing commit %1$s gcc
            all runs: crashed: WARNING in x
            revisions tested: 1, total time: 1m0s (build: 30s, test: 30s)
            first bad commit: %1$s foo: bar
            recipients (to): ["a@b.c"]
            recipients (cc): ["list@d.e" "x@y.z"]
            crash: WARNING in x
            line one
            line two

            """.formatted(H);

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
        List<JsonNode> json() throws IOException {
            List<JsonNode> l = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isEmpty()) {
                    l.add(JSON.readTree(line));
                }
            }
            return l;
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Path corpus() {
        try {
            return Path.of(ParseCommandTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void printsOneJsonLinePerLogWithTheFieldsOfEveryExpectationFile() throws IOException {
        List<Path> logs;
        try (Stream<Path> s = Stream.concat(Files.list(corpus()), Files.list(corpus().resolve("real")))) {
            logs = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("parse", "--json"));
        logs.forEach(p -> args.add(p.toString()));
        Result r = run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> lines = r.json();
        assertThat(lines).hasSize(logs.size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            Path log = logs.get(i);
            JsonNode got = lines.get(i);
            assertThat(got.get("file").asText()).isEqualTo(log.toString());
            Path expectation = log.resolveSibling(log.getFileName().toString().replace(".txt", ".expected.json"));
            if (!Files.exists(expectation)) {
                continue;
            }
            JsonNode want = JSON.readTree(expectation.toFile());
            for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!want.get(f).equals(got.get(f))) {
                    mismatches.add(log.getFileName() + " " + f + ": expected " + want.get(f) + " got " + got.get(f));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void printsNullForWhatTheLogDoesNotSay() throws IOException {
        Path log = dir.resolve("a.log");
        Files.writeString(log, SMALL_LOG);
        JsonNode j = run("parse", "--json", log.toString()).json().get(0);
        assertThat(j.get("errorMessage").isNull()).isTrue();
        assertThat(j.get("inconclusiveCommits").isNull()).isTrue();
        assertThat(j.get("culpritAuthor").isNull()).isTrue();
        assertThat(j.get("host").isNull()).isTrue();
        assertThat(j.get("revisions").get(0).get("verdicts").get(0).get("run").asText()).isEqualTo("all");
        assertThat(j.get("revisions").get(0).get("verdicts").get(0).get("kind").asText()).isEqualTo("crashed");
        assertThat(j.get("crash").get("report").asText()).isEqualTo("line one\nline two");
    }

    @Test
    void printsAHumanSummaryByDefault() throws IOException {
        Path log = dir.resolve("a.log");
        Files.writeString(log, SMALL_LOG);
        Result r = run("parse", log.toString(), log.toString());
        assertThat(r.exit()).isZero();
        String one = log + ": culprit (cause bisection)\n"
                + "  start:     " + H + "\n"
                + "  culprit:   " + H + " foo: bar\n"
                + "  crash:     WARNING in x\n"
                + "  tested:    1 revisions in 1m0s (build 30s, test 30s)\n"
                + "  to:        a@b.c\n"
                + "  cc:        list@d.e, x@y.z\n";
        assertThat(r.out().replace(System.lineSeparator(), "\n")).isEqualTo(one + "\n" + one);
    }

    @Test
    void readsStandardInputForADash() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(SMALL_LOG.getBytes(StandardCharsets.UTF_8)));
            Result r = run("parse", "--json", "-");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).startsWith("{\"file\":\"-\",\"type\":\"cause\",\"outcome\":\"culprit\",");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void replacesBytesThatAreNotUtf8() throws IOException {
        Path log = dir.resolve("latin1.log");
        byte[] bytes = SMALL_LOG.replace("foo: bar", "foo: b\u00e4r").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(log, bytes);
        JsonNode j = run("parse", "--json", log.toString()).json().get(0);
        assertThat(j.get("culpritTitle").asText()).isEqualTo("foo: b\uFFFDr");
    }

    @Test
    void exitsWithOneWhenAFileCannotBeReadAndStillPrintsTheOthers() throws IOException {
        Path log = dir.resolve("a.log");
        Files.writeString(log, SMALL_LOG);
        Path missing = dir.resolve("missing.log");
        Result r = run("parse", "--json", missing.toString(), dir.toString(), log.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json()).hasSize(1);
        assertThat(r.err()).isEqualTo("culprit: " + missing + ": cannot read: no such file\n"
                + "culprit: " + dir + ": cannot read: is a directory\n");
    }

    @Test
    void exitsWithZeroForErrorAndTruncatedOutcomes() throws IOException {
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, "");
        Result r = run("parse", "--json", empty.toString(),
                corpus().resolve("error-infra-2023-06.txt").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.json()).extracting(j -> j.get("outcome").asText()).containsExactly("truncated", "error");
    }

    @Test
    void exitsWithTwoOnAUsageError() {
        assertThat(run("parse").exit()).isEqualTo(2);
        assertThat(run("parse", "--no-such-option", "x").exit()).isEqualTo(2);
    }

    @Test
    void takesTheCrashReportLimitFromTheConfiguration() throws IOException {
        Path log = dir.resolve("a.log");
        Files.writeString(log, SMALL_LOG);
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, "parse:\n  crash-report-limit: 4\n");
        JsonNode crash = run("parse", "--json", "--config", config.toString(), log.toString()).json().get(0).get("crash");
        assertThat(crash.get("report").asText()).isEqualTo("line");
        assertThat(crash.get("truncated").asBoolean()).isTrue();
        assertThat(crash.get("originalLength").asInt()).isEqualTo(17);
    }

    @Test
    void exitsWithTwoOnABadConfiguration() throws IOException {
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, "parse:\n  crash-report-limit: -1\n");
        Result r = run("parse", "--config", config.toString(), "x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("parse.crash-report-limit: must not be negative: -1");
    }
}

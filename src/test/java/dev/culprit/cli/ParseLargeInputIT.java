package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code culprit parse} in a child JVM with a 64 MB heap over inputs far larger than the heap: a
 * single 100 MB line and a 1 GB log. Each is read to a result, with problems, in bounded memory.
 */
class ParseLargeInputIT {
    private static final String H = "0123456789abcdef0123456789abcdef01234567";
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private record Run(int exit, List<JsonNode> results, String stderr) {}

    private Run parseInSmallHeap(Path... logs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "parse", "--json", "-q"));
        for (Path p : logs) {
            cmd.add(p.toString());
        }
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("parse did not finish within 10 minutes");
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> results = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            results.add(json.readTree(line));
        }
        return new Run(p.exitValue(), results, Files.readString(err));
    }

    private static List<String> problems(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("problems").forEach(p -> out.add(p.get("line").asInt() + ": " + p.get("message").asText()));
        return out;
    }

    @Test
    void readsASingleHundredMegabyteLineInSixtyFourMegabytesOfHeap() throws Exception {
        Path log = dir.resolve("long-line.txt");
        try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            w.write("bisecting cause commit starting from " + H + "\n");
            char[] chunk = "x".repeat(64 * 1024).toCharArray();
            for (long written = 0; written < 100 * MB; written += chunk.length) {
                w.write(chunk);
            }
        }
        Run run = parseInSmallHeap(log);
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode r = run.results().get(0);
        assertThat(r.get("outcome").asText()).isEqualTo("truncated");
        assertThat(r.get("startCommit").asText()).isEqualTo(H);
        assertThat(problems(r)).contains("2: line of " + 100 * MB + " characters cut to its first 262144");
    }

    @Test
    void readsAOneGigabyteLogInSixtyFourMegabytesOfHeap() throws Exception {
        Path log = dir.resolve("huge.txt");
        long size;
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            w.write("bisecting cause commit starting from " + H + "\nbuilding syzkaller on " + H + "\n");
            StringBuilder block = new StringBuilder();
            block.append("testing commit ").append(H).append(" gcc\ncompiler: gcc (GCC) 12\nkernel signature: ")
                    .append(H).append(H, 0, 24).append('\n');
            for (int i = 0; i < 20; i++) {
                block.append("run #").append(i).append(": crashed: KASAN: use-after-free Read in some_function_name\n");
            }
            block.append("# git bisect bad ").append(H).append('\n');
            String b = block.toString();
            size = 0;
            while (size < 1024 * MB) {
                w.write(b);
                size += b.length();
            }
            w.write("revisions tested: 9, total time: 1h0m0s (build: 30m0s, test: 30m0s)\n");
            w.write("first bad commit: " + H + " foo: bar\n");
            w.write("recipients (to): [\"a@b.c\"]\nrecipients (cc): []\ncrash: KASAN: use-after-free Read in x\n");
            String reportLine = "report line ".repeat(10) + "\n";
            for (long written = 0; written < 50 * MB; written += reportLine.length()) {
                w.write(reportLine);
            }
        }
        Run run = parseInSmallHeap(log);
        assertThat(run.exit()).as(run.stderr()).isZero();
        JsonNode r = run.results().get(0);
        assertThat(r.get("outcome").asText()).isEqualTo("culprit");
        assertThat(r.get("culpritHash").asText()).isEqualTo(H);
        assertThat(r.get("to").get(0).asText()).isEqualTo("a@b.c");
        assertThat(r.get("crash").get("truncated").asBoolean()).isTrue();
        assertThat(r.get("crash").get("report").asText()).hasSize(64 * 1024);
        assertThat(r.get("crash").get("originalLength").asLong()).isGreaterThan(50 * MB - 200);
        assertThat(r.get("revisions").size()).isEqualTo(5_000);
        assertThat(problems(r)).anyMatch(p -> p.endsWith("more than 5000 tested revisions; the rest are not kept"))
                .anyMatch(p -> p.endsWith("more than 100000 run verdicts; the rest are not kept"))
                .anyMatch(p -> p.endsWith("more than 5000 git bisect steps; the rest are not kept"));
    }

    @Test
    void readsBinaryGarbageAndReportsAnUnreadableFileWithoutStoppingTheOthers() throws Exception {
        Path garbage = dir.resolve("garbage.bin");
        byte[] bytes = new byte[5 * 1024 * 1024];
        new java.util.Random(42).nextBytes(bytes);
        Files.write(garbage, bytes);
        Run run = parseInSmallHeap(garbage, dir.resolve("missing.txt"), garbage);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.results()).hasSize(2);
        assertThat(run.results().get(0).get("outcome").asText()).isEqualTo("truncated");
        assertThat(problems(run.results().get(0))).anyMatch(p -> p.contains("NUL bytes"));
        assertThat(run.stderr()).contains("culprit: " + dir.resolve("missing.txt") + ": cannot read: no such file");
    }
}

package dev.culprit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Finished bisection logs in the current format, and the producer protocol to drop them. */
public final class TestLogs {
    private TestLogs() {}

    /** A 40-hex commit hash derived from a number. */
    public static String hash(int n) {
        byte[] b = new byte[20];
        for (int i = 0; i < 20; i++) {
            b[i] = (byte) (n >>> (8 * (i % 4)) ^ i * 31);
        }
        return HexFormat.of().formatHex(b);
    }

    public static String log(int n, List<String> to, List<String> cc) {
        return log(n, to, cc, null);
    }

    public static String log(int n, List<String> to, List<String> cc, String verdict) {
        return "bisecting cause commit starting from 1111111111111111111111111111111111111111\n"
                + "building syzkaller on 2222222222222222222222222222222222222222\n"
                + "testing commit 1111111111111111111111111111111111111111\n"
                + "all runs: crashed: KASAN: use-after-free Read in test_func_" + n + "\n"
                + (verdict == null ? "" : "test-verdict: " + verdict + "\n")
                + "revisions tested: 12, total time: 3h1m2s (build: 1h2m3s, test: 1h58m2s)\n"
                + "first bad commit: " + hash(n) + " mm: change number " + n + "\n"
                + "recipients (to): [" + quote(to) + "]\n"
                + "recipients (cc): [" + quote(cc) + "]\n"
                + "crash: KASAN: use-after-free Read in test_func_" + n + "\n"
                + "==================================================================\n";
    }

    private static String quote(List<String> a) {
        return a.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" "));
    }

    /** The producer protocol: write elsewhere on the same file system, then rename into inbox/. */
    public static Path drop(Path spool, String name, String text) throws IOException {
        Path staging = spool.resolve("staging");
        Files.createDirectories(staging);
        Path tmp = staging.resolve(name);
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return Files.move(tmp, spool.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}

package dev.culprit.moderation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Finished bisection logs in the current syzkaller format, and the producer protocol to drop them. */
final class Logs {
    private Logs() {}

    /** A 40-hex commit hash derived from a number. */
    static String hash(int n) {
        byte[] b = new byte[20];
        for (int i = 0; i < 20; i++) {
            b[i] = (byte) ((n >>> (8 * (i % 4))) ^ (i * 37 + 11));
        }
        return HexFormat.of().formatHex(b);
    }

    /** A cause bisection that found one commit, named by {@code n}. */
    static String culprit(int n, List<String> to, List<String> cc) {
        return head(n)
                + "revisions tested: 12, total time: 3h1m2s (build: 1h2m3s, test: 1h58m2s)\n"
                + "first bad commit: " + hash(n) + " mm: change number " + n + "\n"
                + "recipients (to): [" + quote(to) + "]\n"
                + "recipients (cc): [" + quote(cc) + "]\n"
                + crash(n);
    }

    /** A cause bisection that blames a release commit, which cannot be the cause: held for moderation. */
    static String releaseCommit(int n, List<String> to, List<String> cc) {
        return head(n)
                + "revisions tested: 9, total time: 2h1m2s (build: 1h0m3s, test: 1h1m2s)\n"
                + "first bad commit: " + hash(n) + " Linux 6." + n + "-rc1\n"
                + "recipients (to): [" + quote(to) + "]\n"
                + "recipients (cc): [" + quote(cc) + "]\n"
                + crash(n);
    }

    private static String head(int n) {
        return "bisecting cause commit starting from 1111111111111111111111111111111111111111\n"
                + "building syzkaller on 2222222222222222222222222222222222222222\n"
                + "testing commit 1111111111111111111111111111111111111111 with gcc (GCC) 10.1.0-syz 20200507\n"
                + "kernel signature: " + "ab".repeat(32) + "\n"
                + "all runs: crashed: KASAN: use-after-free Read in test_func_" + n + "\n";
    }

    private static String crash(int n) {
        return "crash: KASAN: use-after-free Read in test_func_" + n + "\n"
                + "==================================================================\n"
                + "BUG: KASAN: use-after-free in test_func_" + n + "+0x1a/0x40 mm/test.c:" + n + "\n"
                + "Read of size 8 at addr ffff888012345678 by task syz-executor/4242\n";
    }

    private static String quote(List<String> a) {
        return a.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(" "));
    }

    /** The producer protocol: write elsewhere on the same file system, then rename into inbox/. */
    static Path drop(Path spool, String name, String text) throws IOException {
        Path staging = spool.resolve("staging");
        Files.createDirectories(staging);
        Files.createDirectories(spool.resolve("inbox"));
        Path tmp = staging.resolve(name);
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        return Files.move(tmp, spool.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}

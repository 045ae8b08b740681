package dev.culprit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code culprit run} for the cluster tests: in a child JVM through {@link Main}, or in this JVM. */
final class ClusterNode {
    private ClusterNode() {}

    /** {@code culprit run ARGS...} in this JVM, its error output to {@code err}: the exit code. */
    static int run(PrintWriter err, String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.setErr(err);
        List<String> all = new ArrayList<>();
        all.add("run");
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }
}

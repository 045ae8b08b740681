package dev.culprit.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs a child process to completion, capturing standard output and error in files. */
record ChildProcess(int exitCode, String stdout, String stderr) {
    static ChildProcess run(List<String> command, Path workDir, Consumer<Map<String, String>> environment, long timeoutSeconds) {
        try {
            Path out = Files.createTempFile(workDir, "stdout", ".txt");
            Path err = Files.createTempFile(workDir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // A test run inside a systemd service must not pass its journal detection on.
            pb.environment().remove("JOURNAL_STREAM");
            pb.environment().remove("INVOCATION_ID");
            pb.environment().remove("CULPRIT_LOG_FORMAT");
            pb.environment().remove("JAVA_OPTS");
            environment.accept(pb.environment());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not end within " + timeoutSeconds + "s: " + command
                        + "\nstderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new ChildProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A command line starting {@code mainClass} in a new JVM on this test's class path. */
    static List<String> java(Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx64m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}

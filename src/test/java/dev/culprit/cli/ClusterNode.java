package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.SidecarReader;
import dev.culprit.model.Sidecar;
import dev.culprit.parse.LogParser;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PrepareException;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.LogRejectedException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/**
 * {@code culprit run} in a child JVM for the cluster tests, with the report pipeline (parse,
 * assess, address, render) as the spool's log processor.
 */
public final class ClusterNode {
    private ClusterNode() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** {@code culprit run ARGS...}: the exit code. */
    public static int run(String... args) {
        return run(null, args);
    }

    /** {@code culprit run ARGS...} with its error output to {@code err} (null: standard error). */
    public static int run(java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new RunCommand(ClusterNode::processor));
        if (err != null) {
            cl.setErr(err);
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("culprit: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    static LogProcessor processor(CulpritConfig config) throws ConfigException {
        Pipeline pipeline = new Pipeline(config, Clock.systemUTC());
        LogParser parser = new LogParser(config.parse().crashReportLimit());
        SidecarReader sidecars = new SidecarReader();
        return (name, log, sidecar) -> {
            try {
                Sidecar side = sidecar == null ? null
                        : sidecars.read(new InputStreamReader(new ByteArrayInputStream(sidecar), StandardCharsets.UTF_8), name + ".json");
                return pipeline.prepare(name, parser.parse(new String(log, StandardCharsets.UTF_8)), side);
            } catch (ConfigException | PrepareException e) {
                throw new LogRejectedException(e.getMessage(), e);
            }
        };
    }
}

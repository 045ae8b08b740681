package dev.culprit.cli;

import dev.culprit.spool.LogRejectedException;
import picocli.CommandLine;

/**
 * {@code culprit run} with a log processor that rejects every log, so that the service can be
 * run without the report pipeline; started by {@link RunServiceIT} in its own JVM.
 */
final class RunWithRejectingProcessor {
    public static void main(String[] args) {
        LogProcessorFactory rejecting = config -> (name, log, sidecar) -> {
            throw new LogRejectedException("not a bisection log");
        };
        System.exit(new CommandLine(new RunCommand(rejecting)).execute(args));
    }

    private RunWithRejectingProcessor() {}
}

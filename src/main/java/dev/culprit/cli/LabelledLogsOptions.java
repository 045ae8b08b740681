package dev.culprit.cli;

import dev.culprit.config.CulpritConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The labelled logs a command reads: {@code LOGDIR} and {@code --labels}. */
final class LabelledLogsOptions {
    @Parameters(index = "0", paramLabel = "LOGDIR", description = "Directory holding <log>.txt for every labelled log.")
    Path dir;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels CSV (default: LOGDIR/labels.csv).")
    Path labels;

    /** The logs, parsed; null after saying to {@code err} which file or line could not be read. */
    List<LabelledLogs.Log> load(CulpritConfig config, PrintWriter err) {
        return LabelledLogs.load(dir, labels, config, err);
    }
}

package dev.culprit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The dry-run options of {@code run} and {@code once}. */
final class ServiceOptions {
    @Option(names = "--dry-run", description = "Run the whole pipeline but write the mails to standard output "
            + "(or --mbox) instead of sending them; the spool and the store do not change and no connection is opened.")
    boolean dryRun;

    @Option(names = "--mbox", paramLabel = "FILE", description = "With --dry-run: append the mails to this mbox file "
            + "instead of standard output.")
    Path mbox;
}

package dev.culprit.cli;

import java.io.PrintWriter;
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

    /** Whether the options go together; when not ({@code --mbox} without {@code --dry-run}), says so on {@code err}. */
    boolean usable(String command, PrintWriter err) {
        if (mbox != null && !dryRun) {
            err.println("culprit " + command + ": --mbox needs --dry-run");
            return false;
        }
        return true;
    }
}

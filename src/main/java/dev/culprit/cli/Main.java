package dev.culprit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code culprit} command: parses arguments and dispatches to one subcommand. */
@Command(
        name = "culprit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Mails the people responsible for the result of a syzkaller kernel bisection.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ParseCommand.class,
            RunCommand.class,
            OnceCommand.class,
            StatusCommand.class,
            CheckConfigCommand.class,
            PreviewCommand.class,
            AssessReportCommand.class,
            CalibrateCommand.class,
            CalibrateStoreCommand.class,
            HeldCommand.class,
            ReleaseCommand.class,
            DropCommand.class,
            RetractCommand.class,
            LabelCommand.class,
            LabelsCommand.class,
            HistoryCommand.class,
            OptOutCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code: 0 ok, 1 runtime failure, 2 usage error. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("culprit: " + ex.getMessage());
            if (ex instanceof dev.culprit.config.ConfigException) {
                return 2;
            }
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("failure", ex);
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'culprit --help'");
    }
}

package dev.culprit.testing;

import dev.culprit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/** One run of culprit's command line, in process: its exit status and what it printed on each stream. */
public record CliRun(int code, String out, String err) {

    /** Runs {@code culprit ARGS --config CONFIG}. */
    public static CliRun withConfig(Path config, String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return new CliRun(cl.execute(all), out.toString(), err.toString());
    }
}

package dev.culprit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine;

/** Where a dry run's mails go: standard output, or an mbox file opened for appending. */
record DryRunOutput(OutputStream stream, String where, boolean owned) implements AutoCloseable {
    static DryRunOutput open(ServiceOptions options, CommandLine.Model.CommandSpec spec) throws IOException {
        if (!options.dryRun) {
            return null;
        }
        if (options.mbox != null) {
            return new DryRunOutput(Files.newOutputStream(options.mbox, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), options.mbox.toString(), true);
        }
        PrintWriter out = spec.commandLine().getOut();
        OutputStream s = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
        return new DryRunOutput(s, "standard output", false);
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            stream.close();
        } else {
            stream.flush();
        }
    }
}

package dev.culprit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.ParseResult;
import dev.culprit.parse.LogParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code culprit parse LOG... [--json]}: reads bisection logs and prints what the parser found,
 * one log at a time, so any number of logs stream through in bounded memory.
 */
@Command(
        name = "parse",
        description = {
            "Reads bisection logs and prints what they say: a summary per log, or with --json one JSON"
                    + " object per line.",
            "Exit status: 0 when every log was read (an error or truncated outcome is a result),"
                    + " 1 when a file could not be read, 2 on a usage or configuration error."
        })
final class ParseCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ParseCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Log files to read; - reads standard input.")
    List<String> logs;

    @Option(names = "--json", description = "Print one JSON object per log, one per line (JSON Lines).")
    boolean json;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CulpritConfig config = global.loadConfig();
        LogParser parser = new LogParser(config.parse().crashReportLimit());
        JsonFactory jsonFactory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        int status = 0;
        int printed = 0;
        for (String file : logs) {
            ParseResult result;
            try (Reader reader = open(file)) {
                result = parser.parse(reader);
            } catch (IOException e) {
                err.println("culprit: " + file + ": cannot read: " + describe(e));
                err.flush();
                log.debug("cannot read {}", file, e);
                status = 1;
                continue;
            }
            log.debug("read {}: {} with {} problems", file, result.report().outcome().id(), result.problems().size());
            if (json) {
                try (JsonGenerator g = jsonFactory.createGenerator(out)) {
                    ReportJson.write(g, file, result);
                } catch (IOException e) {
                    throw new UncheckedIOException("JSON of " + file + " cannot be written", e);
                }
                out.print('\n');
            } else {
                if (printed > 0) {
                    out.println();
                }
                ReportSummary.print(out, file, result);
            }
            printed++;
            out.flush();
        }
        return status;
    }

    /** The log as text: UTF-8, with every byte sequence that is not UTF-8 replaced by U+FFFD. */
    private static Reader open(String file) throws IOException {
        InputStream in;
        if (file.equals("-")) {
            in = new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for the rest of the process
                }
            };
        } else {
            Path p = Path.of(file);
            if (Files.isDirectory(p)) {
                throw new IOException("is a directory");
            }
            in = Files.newInputStream(p);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(in, decoder);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package dev.culprit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.SidecarReader;
import dev.culprit.mail.MboxWriter;
import dev.culprit.model.Outcome;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Problem;
import dev.culprit.model.Recipient;
import dev.culprit.model.Sidecar;
import dev.culprit.model.Verdict;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PrepareException;
import dev.culprit.pipeline.Prepared;
import dev.culprit.recipients.Dropped;
import dev.culprit.render.RenderException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code culprit preview LOG... [--mbox FILE] [--json]}: the whole pipeline but the sending. Each
 * log (with its {@code <log>.json} sidecar when present) is parsed, assessed, addressed and
 * rendered; the complete message is printed with the reason for every recipient. Touches no
 * spool, no store and no network.
 */
@Command(
        name = "preview",
        description = {
            "Prints the mail each bisection log would give: the complete RFC 5322 message, who gets it"
                    + " and why, who was left out and why. A sidecar <LOG>.json beside a log is read.",
            "A result that will not be mailed (verdict skip, for example a log that ends before its"
                    + " result) says NOT SENT and why on its first line, and shows no message.",
            "Exit status: 0 when every log was previewed, 1 when a log or its sidecar could not be"
                    + " used, 2 on a usage or configuration error."
        })
final class PreviewCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(PreviewCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Bisection log files.")
    List<Path> logs;

    @Option(names = "--mbox", paramLabel = "FILE",
            description = "Write the messages to this mbox file (open it with mutt -f) instead of printing them.")
    Path mbox;

    @Option(names = "--json", description = "Print one JSON object per log, one per line, instead of the messages.")
    boolean json;

    private final Clock clock;

    PreviewCommand() {
        this(Clock.systemUTC());
    }

    PreviewCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CulpritConfig config;
        Pipeline pipeline;
        try {
            config = new ConfigLoader().load(global.config());
            pipeline = new Culprit(config, clock).pipeline();
            pipeline.renderer().check();
        } catch (ConfigException e) {
            err.println("culprit: " + e.getMessage());
            return 2;
        } catch (RenderException e) {
            err.println("culprit: render.templates: " + e.getMessage());
            return 2;
        }
        int status = 0;
        try (OutputStream mboxOut = mbox == null ? null : new BufferedOutputStream(Files.newOutputStream(mbox))) {
            MboxWriter mboxWriter = mboxOut == null ? null : new MboxWriter(mboxOut);
            SidecarReader sidecars = new SidecarReader();
            boolean first = true;
            for (Path file : logs) {
                Prepared prepared = prepare(pipeline, sidecars, file, err);
                if (prepared == null) {
                    status = 1;
                    continue;
                }
                show(out, file, prepared, first);
                PreparedMail mail = prepared.mail();
                if (mboxWriter != null && notSentBecause(mail) == null) {
                    mboxWriter.write(mail.message(), config.message().fromAddress().addrSpec(), clock.instant());
                }
                first = false;
                out.flush();
            }
        } catch (IOException e) {
            err.println("culprit: " + mbox + ": cannot write: " + e.getMessage());
            return 1;
        }
        return status;
    }

    /** Reads, parses and renders one log; on failure says why on {@code err} and returns null. */
    private static Prepared prepare(Pipeline pipeline, SidecarReader sidecars, Path file, PrintWriter err) {
        try {
            Sidecar sidecar = sidecars.readBeside(file).orElse(null);
            try (Reader reader = open(file)) {
                return pipeline.prepareWithDetails(file.toString(), reader, sidecar);
            }
        } catch (ConfigException | PrepareException e) {
            err.println("culprit: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("culprit: " + file + ": no such file");
        } catch (IOException e) {
            err.println("culprit: " + file + ": cannot read: " + e.getMessage());
            log.debug("cannot read {}", file, e);
        }
        err.flush();
        return null;
    }

    /** Prints one previewed log: a JSON line, or the summary followed by the message unless it goes to an mbox. */
    private void show(PrintWriter out, Path file, Prepared prepared, boolean first) {
        PreparedMail mail = prepared.mail();
        log.debug("previewed {}: {} {}", file, mail.messageId(), mail.verdict().id());
        if (json) {
            try {
                out.print(JSON.writeValueAsString(toJson(file.toString(), prepared)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("JSON of " + file + " cannot be written", e);
            }
            out.print('\n');
            return;
        }
        if (!first) {
            out.println();
        }
        printSummary(out, file.toString(), prepared);
        if (mbox == null && notSentBecause(mail) == null) {
            out.println();
            out.print(new String(mail.message(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
    }

    private static void printSummary(PrintWriter out, String file, Prepared p) {
        PreparedMail m = p.mail();
        String notSent = notSentBecause(m);
        out.println("==> " + file + " <==" + (notSent == null ? "" : " NOT SENT: " + notSent));
        out.println("Outcome: " + m.report().outcome().id() + "; verdict: " + m.verdict().id()
                + String.format(Locale.ROOT, " (confidence %.2f)", m.assessment().score()));
        for (String reason : m.assessment().reasons()) {
            out.println("Concern: " + reason);
        }
        for (Recipient r : m.recipients()) {
            out.println((r.field() == Recipient.Field.TO ? "To: " : "Cc: ") + r.address() + ": " + String.join("; ", r.reasons()));
        }
        for (Recipient r : p.policy().redirected()) {
            out.println("Redirected " + r.field().id() + ": " + r.address() + ": " + String.join("; ", r.reasons()));
        }
        for (Dropped d : p.policy().dropped()) {
            out.println("Not mailed: " + d.address() + ": " + d.reason());
        }
        for (Recipient r : p.policy().trimmed()) {
            out.println("Not mailed: " + r.address() + ": over the recipient limit (" + String.join("; ", r.reasons()) + ")");
        }
        for (Problem problem : m.problems()) {
            out.println("Problem: " + problem.describe(file));
        }
    }

    /**
     * Why this result will not be mailed to anyone, or null when it will be (or may be, after
     * moderation). Such a result is never shown as a message, lest it be taken for one.
     */
    static String notSentBecause(PreparedMail m) {
        if (m.verdict() != Verdict.SKIP) {
            return null;
        }
        if (m.report().outcome() == Outcome.TRUNCATED) {
            return "the log ends before the bisection's result (outcome truncated), so there is nothing to report;"
                    + " no message is shown";
        }
        return "the verdict is skip; no message is shown";
    }

    private static Map<String, Object> toJson(String file, Prepared p) {
        PreparedMail m = p.mail();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file);
        o.put("outcome", m.report().outcome().id());
        o.put("verdict", m.verdict().id());
        o.put("notSent", notSentBecause(m));
        o.put("score", m.assessment().score());
        o.put("reasons", m.assessment().reasons());
        o.put("recipients", m.recipients().stream().map(r -> recipient(r)).toList());
        o.put("redirected", p.policy().redirected().stream().map(r -> recipient(r)).toList());
        o.put("dropped", p.policy().dropped().stream().map(d -> Map.of("address", d.address(), "reason", d.reason())).toList());
        o.put("trimmed", p.policy().trimmed().stream().map(Recipient::address).toList());
        o.put("subject", m.subject());
        o.put("messageId", m.messageId());
        o.put("key", m.key().value());
        o.put("problems", m.problems().stream().map(Problem::toString).toList());
        return o;
    }

    private static Map<String, Object> recipient(Recipient r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("address", r.address());
        o.put("field", r.field().id());
        o.put("reasons", r.reasons());
        return o;
    }

    /** The log as text: UTF-8, with every byte sequence that is not UTF-8 replaced by U+FFFD. */
    private static Reader open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("is a directory");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(Files.newInputStream(file), decoder);
    }
}

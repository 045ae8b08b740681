package dev.culprit.moderation;

import dev.culprit.cli.Culprit;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.mail.Backoff;
import dev.culprit.mail.BatchResult;
import dev.culprit.mail.Deliverer;
import dev.culprit.mail.KillSwitch;
import dev.culprit.mail.SmtpErrorClassifier;
import dev.culprit.mail.SmtpTransport;
import dev.culprit.model.ParseResult;
import dev.culprit.parse.LogParser;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PrepareException;
import dev.culprit.schedule.CulpritService;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.LogRejectedException;
import dev.culprit.spool.ScanResult;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.spool.SpoolScanner;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * The bot over a real H2 file store, a real spool and real SMTP, wired as the service wires it,
 * with the real parser and pipeline. Open it for a pass and close it, so that the command line
 * can open the same embedded store in between.
 */
final class Bot implements AutoCloseable {
    final CulpritConfig config;
    final Database db;
    final Outbox outbox;
    final ModerationParts moderation;
    final CulpritService service;

    Bot(CulpritConfig config) throws Exception {
        this.config = config;
        Clock clock = Clock.systemUTC();
        db = Database.open(config.state(), null);
        outbox = new Outbox(db, clock);
        SpoolDirectory spool = new SpoolDirectory(config.spool(), clock);
        spool.create();
        Culprit app = new Culprit(config, clock);
        moderation = app.moderation(outbox);
        Deliverer deliverer = new Deliverer(outbox, new SmtpTransport(config.smtp(), null, new SmtpErrorClassifier()),
                config.delivery(), config.state().lease(), new KillSwitch(config.paused(), config.state().dir()),
                moderation.policy(), "test-instance", clock,
                new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff(), RandomGenerator.getDefault()));
        SpoolScanner scanner = new SpoolScanner(spool, processor(app), outbox, false);
        service = new CulpritService(scanner, deliverer, outbox, moderation::afterScan);
    }

    /** The configuration file of a test: a state directory, a spool, GreenMail, and extra YAML. */
    static Path writeConfig(Path dir, int smtpPort, String extra) throws Exception {
        return writeConfig(dir, smtpPort, extra, "");
    }

    /** @param state more keys of the {@code state} section, indented by two spaces */
    static Path writeConfig(Path dir, int smtpPort, String extra, String state) throws Exception {
        Path file = dir.resolve("culprit.yaml");
        Files.writeString(file, """
                state:
                  dir: %s
                %s
                spool:
                  dir: %s
                  settle: PT0S
                smtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                message:
                  from: "culprit <culprit@bot.example.net>"
                  message-id-domain: bot.example.net
                delivery:
                  initial-backoff: PT1S
                %s""".formatted(dir.resolve("state"), state, dir.resolve("spool"), smtpPort, extra), StandardCharsets.UTF_8);
        return file;
    }

    static CulpritConfig load(Path file) throws Exception {
        return new ConfigLoader().load(file);
    }

    private static LogProcessor processor(Culprit app) throws Exception {
        Pipeline pipeline = app.pipeline();
        LogParser parser = new LogParser(app.config().parse().crashReportLimit());
        return (name, bytes, sidecar) -> {
            try {
                ParseResult parsed = parser.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
                return pipeline.prepare(name, parsed, null);
            } catch (PrepareException | java.io.IOException e) {
                throw new LogRejectedException(name + ": " + e.getMessage(), e);
            }
        };
    }

    ScanResult scan() throws Exception {
        return service.scan();
    }

    BatchResult deliver() throws Exception {
        return service.deliver();
    }

    /** One pass, as {@code culprit once}. */
    void once() throws Exception {
        service.recover();
        scan();
        deliver();
    }

    /** One pass with a bot opened and closed around it. */
    static void once(CulpritConfig config) throws Exception {
        try (Bot b = new Bot(config)) {
            b.once();
        }
    }

    @Override
    public void close() {
        db.close();
    }
}

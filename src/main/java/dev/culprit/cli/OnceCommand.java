package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.mail.BatchResult;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.schedule.CulpritService;
import dev.culprit.spool.ScanResult;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code culprit once}: one pass over the spool and the outbox, then exit. */
@Command(name = "once", mixinStandardHelpOptions = true,
        description = {"Process every finished log in the spool, read the replies folder once (with replies.host set) "
            + "and send every mail that is due, then exit.",
            "Exit status 1 when a log failed, a mail could not be sent or the replies folder could not be read."})
public final class OnceCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(OnceCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @CommandLine.Mixin
    ServiceOptions options;

    private final LogProcessorFactory processors;

    public OnceCommand() {
        this(Culprit::processor);
    }

    OnceCommand(LogProcessorFactory processors) {
        this.processors = processors;
    }

    @Override
    public Integer call() throws ConfigException {
        PrintWriter err = spec.commandLine().getErr();
        if (!options.usable("once", err)) {
            return 2;
        }
        CulpritConfig config = global.loadConfig();
        try (DryRunOutput out = DryRunOutput.open(options, spec)) {
            Culprit app = new Culprit(config, Clock.systemUTC());
            try (ServiceParts w = app.openService(processors.create(app), out == null ? null : out.stream(),
                    out == null ? null : out.where(), Secrets.fromEnvironment(), ServiceEvents.NONE)) {
                // before the delivery, so that the answers to replies go out in this run
                boolean repliesRead = options.dryRun || app.replyPoll(w.outbox, Secrets.fromEnvironment(), ServiceEvents.NONE)
                        .map(p -> Replies.runLogged(p, () -> false)).orElse(true);
                CulpritService.OnceResult r = w.service.once();
                ScanResult scanned = r.scan();
                BatchResult sent = r.delivery();
                log.info("once{}: {} log(s) processed ({} queued, {} held, {} skipped, {} duplicate, {} failed); "
                        + "{} mail(s) sent, {} failed, {} to retry, {} waiting{}",
                        options.dryRun ? " (dry run)" : "", scanned.processed(), scanned.queued(), scanned.held(),
                        scanned.skipped(), scanned.duplicates(), scanned.failed(), sent.sent(), sent.failed(),
                        sent.retrying(), sent.waiting(), sent.paused() == null ? "" : "; delivery paused: " + sent.paused());
                if (!options.dryRun) {
                    app.fixScan(w.database).ifPresent(FixScans::runLogged);
                }
                boolean bad = !repliesRead || scanned.failed() > 0 || scanned.deferred() > 0 || sent.failed() > 0 || sent.retrying() > 0;
                return bad ? 1 : 0;
            }
        } catch (ConfigException | IllegalStateException e) {
            err.println("culprit: " + e.getMessage());
            return 2;
        } catch (StoreException | IOException e) {
            err.println("culprit: " + e.getMessage());
            return 1;
        }
    }
}

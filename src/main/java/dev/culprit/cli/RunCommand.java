package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.ops.Retention;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.ops.ServiceOps;
import dev.culprit.ops.Watchdog;
import dev.culprit.schedule.ServiceScheduler;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code culprit run}: the service. Scans and delivers on the Quartz schedule until SIGTERM,
 * then lets the log or mail in hand finish and exits.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the service: scan the spool and send mails on a schedule until stopped (SIGTERM).",
            "With --dry-run each log is previewed once per process and nothing is sent or changed."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @CommandLine.Mixin
    ServiceOptions options;

    private final LogProcessorFactory processors;

    public RunCommand() {
        this(Culprit::processor);
    }

    RunCommand(LogProcessorFactory processors) {
        this.processors = processors;
    }

    @Override
    public Integer call() throws ConfigException {
        PrintWriter err = spec.commandLine().getErr();
        if (!options.usable("run", err)) {
            return 2;
        }
        CulpritConfig config = global.loadConfig();
        Optional<String> scheduleProblem = Culprit.scheduleProblem(config);
        if (scheduleProblem.isPresent()) {
            err.println("culprit: " + (global.config() == null ? "" : global.config() + ": ") + scheduleProblem.get());
            return 2;
        }
        DryRunOutput out = null;
        ServiceParts w = null;
        ServiceOps ops = null;
        try {
            Clock clock = Clock.systemUTC();
            out = DryRunOutput.open(options, spec);
            ops = ServiceOps.start(config.metrics(), config.watchdog(), Watchdog.exitProcess(Culprit.WATCHDOG_EXIT_GRACE));
            Culprit app = new Culprit(config, clock);
            w = app.openService(processors.create(app), out == null ? null : out.stream(),
                    out == null ? null : out.where(), Secrets.fromEnvironment(), ops.events());
            ops.outbox(new OutboxStats(w.outbox, clock));
            ops.precision(new PrecisionStats(new LabelCounts(w.database), clock));
            app.servePages(w, ops, Secrets.fromEnvironment(), global.config());
            ServiceScheduler scheduler = scheduler(app, w, ops.events());
            CountDownLatch stopped = new CountDownLatch(1);
            ServiceParts wiring = w;
            ServiceOps operations = ops;
            DryRunOutput output = out;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("stopping: finishing the log or mail in hand");
                operations.stopWatchdog();
                scheduler.close();
                wiring.close();
                operations.close();
                closeQuietly(output);
                log.info("stopped");
                stopped.countDown();
            }, "culprit-shutdown"));
            scheduler.start();
            ops.startWatchdog();
            log.info("culprit running{}: spool {}, store {}", options.dryRun ? " (dry run)" : "", config.spool().dir(),
                    w.database.description());
            stopped.await();
            return 0;
        } catch (ConfigException | IllegalStateException e) {
            err.println("culprit: " + e.getMessage());
            cleanup(w, ops, out);
            return 2;
        } catch (StoreException | IOException | SchedulerException e) {
            err.println("culprit: " + e.getMessage());
            cleanup(w, ops, out);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The schedule over the service: in a cluster, the scan job takes up what a crash left in
     * {@code work/}, on one node at a time; alone, this process does it before the first scan.
     * Retention, the fix-history scan and the replies poll are scheduled unless this is a dry run.
     */
    private ServiceScheduler scheduler(Culprit app, ServiceParts w, ServiceEvents events) throws SchedulerException,
            StoreException, IOException, ConfigException {
        CulpritConfig config = app.config();
        Path inbox = w.spool.exists() ? w.spool.inbox() : null;
        ServiceScheduler scheduler;
        if (w.clustered()) {
            scheduler = ServiceScheduler.clustered(w.service, config.schedule(), inbox, w.database.dataSource(), w.instance);
        } else {
            w.service.recover();
            scheduler = new ServiceScheduler(w.service, config.schedule(), inbox);
        }
        if (!options.dryRun) {
            Optional<Retention> retention = app.retention(w.spool.done(), w.database);
            retention.ifPresent(r -> scheduler.housekeeping(r::run, Culprit.RETENTION_INTERVAL));
            app.fixScan(w.database).ifPresent(f -> scheduler.fixScan(() -> FixScans.runLogged(f), config.learn().scanInterval()));
            app.replyPoll(w.outbox, Secrets.fromEnvironment(), events).ifPresent(p -> Replies.schedule(scheduler, p,
                    w.service::stopping));
        }
        return scheduler;
    }

    private static void cleanup(ServiceParts w, ServiceOps ops, DryRunOutput out) {
        if (w != null) {
            w.close();
        }
        if (ops != null) {
            ops.close();
        }
        closeQuietly(out);
    }

    private static void closeQuietly(DryRunOutput out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                log.warn("closing {}: {}", out.where(), e.getMessage());
            }
        }
    }
}

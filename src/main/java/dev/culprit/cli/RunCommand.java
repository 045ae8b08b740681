package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.schedule.ServiceScheduler;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
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
        this(Processors::fromConfig);
    }

    RunCommand(LogProcessorFactory processors) {
        this.processors = processors;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (options.mbox != null && !options.dryRun) {
            err.println("culprit run: --mbox needs --dry-run");
            return 2;
        }
        CulpritConfig config;
        try {
            config = new ConfigLoader().load(global.config());
        } catch (ConfigException e) {
            err.println("culprit: " + e.getMessage());
            return 2;
        }
        OnceCommand.DryRunOutput out = null;
        ServiceWiring w = null;
        try {
            out = OnceCommand.DryRunOutput.open(options, spec);
            w = ServiceWiring.create(config, processors.create(config), out == null ? null : out.stream(),
                    out == null ? null : out.where(), Secrets.fromEnvironment(), Clock.systemUTC());
            w.service.recover();
            ServiceScheduler scheduler = new ServiceScheduler(w.service, config.schedule(),
                    java.nio.file.Files.isDirectory(w.spool.inbox()) ? w.spool.inbox() : null);
            CountDownLatch stopped = new CountDownLatch(1);
            ServiceWiring wiring = w;
            OnceCommand.DryRunOutput output = out;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("stopping: finishing the log or mail in hand");
                scheduler.close();
                wiring.close();
                closeQuietly(output);
                log.info("stopped");
                stopped.countDown();
            }, "culprit-shutdown"));
            scheduler.start();
            log.info("culprit running{}: spool {}, store {}", options.dryRun ? " (dry run)" : "", config.spool().dir(),
                    w.database.description());
            stopped.await();
            return 0;
        } catch (ConfigException | IllegalStateException e) {
            err.println("culprit: " + e.getMessage());
            cleanup(w, out);
            return 2;
        } catch (StoreException | IOException | SchedulerException e) {
            err.println("culprit: " + e.getMessage());
            cleanup(w, out);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void cleanup(ServiceWiring w, OnceCommand.DryRunOutput out) {
        if (w != null) {
            w.close();
        }
        closeQuietly(out);
    }

    private static void closeQuietly(OnceCommand.DryRunOutput out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                log.warn("closing {}: {}", out.where(), e.getMessage());
            }
        }
    }
}

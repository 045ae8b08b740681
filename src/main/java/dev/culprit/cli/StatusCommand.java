package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.mail.KillSwitch;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.model.TrackRecord;
import dev.culprit.ops.Metrics;
import dev.culprit.pages.PageText;
import dev.culprit.store.ClusterMode;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.Database;
import dev.culprit.store.OutboxState;
import dev.culprit.store.OutboxStatus;
import dev.culprit.store.OutboxSummary;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code culprit status}: the outbox per state, the oldest unsent mail, paused or not, the spool. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show mails per outbox state, the age of the oldest pending mail, whether delivery is paused, "
                + "and the spool's folders.")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CulpritConfig config = global.loadConfig();
        Clock clock = Clock.systemUTC();
        KillSwitch kill = new KillSwitch(config.paused(), config.state().dir());
        SpoolDirectory spool = new SpoolDirectory(config.spool(), clock);
        if (config.state().jdbcUrl() == null && !Files.exists(config.state().dir().resolve("culprit.mv.db"))) {
            out.println("outbox: no store yet at " + config.state().dir() + " (nothing processed so far)");
        } else {
            try (Database db = Database.open(config.state(), Secrets.fromEnvironment().read("state.password",
                    config.state().passwordFile(), config.state().passwordEnv()))) {
                OutboxSummary s = new OutboxStatus(db, clock).summary();
                out.println("outbox: " + Arrays.stream(OutboxState.values())
                        .map(st -> st.id() + " " + s.count(st)).collect(Collectors.joining(", ")));
                out.println("oldest pending: " + s.oldestPending()
                        .map(t -> t + " (" + age(Duration.between(t, clock.instant())) + " ago)").orElse("none"));
                s.setupProblem().ifPresent(p -> out.println("setup problem since " + p.since() + ", next try "
                        + p.retryAt() + ": " + p.text()));
                printPrecision(new LabelCounts(db), config.learn().minLabelled(), clock, out);
                ClusterMode.Mark mark = ClusterMode.mark(db);
                if (mark != null) {
                    List<ClusterMode.Node> nodes = ClusterMode.nodes(db);
                    out.println("cluster: since " + mark.since() + ", " + nodes.size() + " node(s) checked in"
                            + nodes.stream().map(n -> n.instance() + " (" + age(Duration.between(n.lastCheckin(), clock.instant()))
                                    + " ago)").collect(Collectors.joining(", ", nodes.isEmpty() ? "" : ": ", "")));
                }
            } catch (StoreException e) {
                err.println("culprit: " + e.getMessage());
                return 1;
            } catch (IllegalStateException e) {
                err.println("culprit: " + e.getMessage());
                return 2;
            }
        }
        out.println("delivery: " + kill.reason().map(r -> "paused (" + r + ")").orElse("not paused"));
        try {
            SpoolDirectory.Counts c = spool.counts();
            out.println("spool " + spool.root() + ": inbox " + c.inbox() + ", work " + c.work() + ", done " + c.done()
                    + ", failed " + c.failed());
        } catch (IOException e) {
            out.println("spool " + spool.root() + ": cannot read: " + e.getMessage());
        }
        return 0;
    }

    /** The culprits mailed and how they fared, over the last 90 days and all time, and the track record mails cite. */
    private static void printPrecision(LabelCounts counts, int minLabelled, Clock clock, PrintWriter out) throws StoreException {
        Metrics.PrecisionSnapshot p = new PrecisionStats(counts, clock).read();
        out.println("culprits, last 90 days: " + p.last90Days().describe());
        out.println("culprits, all time: " + p.allTime().describe());
        TrackRecord t = counts.trackRecord();
        out.println("landed fixes: " + t.right() + " of " + t.landed() + " mailed culprit(s) right; "
                + (t.citable(minLabelled).isPresent() ? "cited in every culprit mail"
                        : "cited in mails from " + minLabelled + " on (learn.min-labelled)"));
    }

    static String age(Duration d) {
        return PageText.age(d);
    }

}

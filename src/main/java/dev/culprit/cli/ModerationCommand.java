package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.moderation.Moderator;
import dev.culprit.store.Database;
import dev.culprit.store.LabelRefused;
import dev.culprit.store.ModerationException;
import dev.culprit.store.Outbox;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What the moderator's commands share: the configuration, the store, exit codes. A command
 * that finds no store yet and needs none says so instead of creating one.
 */
abstract class ModerationCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    /** The command itself, over an open store. */
    int run(Moderator moderator, PrintWriter out) throws StoreException, ModerationException {
        throw new UnsupportedOperationException(spec.name() + " works on the store, not through the moderator");
    }

    /** The command itself, over an open store; by default through the moderator. */
    int run(Culprit app, Database db, PrintWriter out) throws StoreException, ModerationException, LabelRefused, ConfigException {
        return run(app.moderation(new Outbox(db, app.clock())).moderator(), out);
    }

    /** Whether the command may create the store when there is none yet. */
    boolean createsStore() {
        return false;
    }

    /** A usage error found before anything is opened, or null. */
    String usageError() {
        return null;
    }

    /** What to print, and the exit code, when there is no store yet. */
    int noStore(PrintWriter out, PrintWriter err, String where) {
        err.println("culprit " + spec.name() + ": no store yet at " + where + " (nothing processed so far)");
        return 1;
    }

    @Override
    public final Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String usage = usageError();
        if (usage != null) {
            err.println("culprit " + spec.name() + ": " + usage);
            return 2;
        }
        CulpritConfig config = global.loadConfig();
        if (!createsStore() && config.state().jdbcUrl() == null
                && !Files.exists(config.state().dir().resolve("culprit.mv.db"))) {
            return noStore(out, err, config.state().dir().toString());
        }
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(config.state(), Secrets.fromEnvironment().read("state.password",
                config.state().passwordFile(), config.state().passwordEnv()))) {
            return run(new Culprit(config, clock), db, out);
        } catch (ModerationException | LabelRefused e) {
            err.println("culprit " + spec.name() + ": " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            err.println("culprit: " + e.getMessage() + hint(e));
            return 1;
        } catch (ConfigException | IllegalStateException e) {
            err.println("culprit: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("culprit " + spec.name() + ": " + e.getMessage());
            return 2;
        }
    }

    private static String hint(StoreException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("already in use") || m.contains("locked")
                ? " (another process has the embedded database open without sharing it; run the command as the service's"
                        + " user, or stop the other process)"
                : "";
    }
}

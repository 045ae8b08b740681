package dev.culprit.pages;

import dev.culprit.mail.KillSwitch;
import dev.culprit.ops.Activity;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the pages read: the store (through the store's query classes), the pause switch, the
 * spool's folders and this process's runs.
 *
 * @param minLabelled the labelled culprits from which mails cite the track record ({@code learn.min-labelled})
 * @param configFile the configuration file the service runs with, which the commands shown name; null for none
 */
public record PageSources(Database db, Clock clock, KillSwitch pause, SpoolDirectory spool, Supplier<Activity.Snapshot> activity,
        int minLabelled, Path configFile) {
    public PageSources {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(activity, "activity");
    }

    /** The commands the pages show, naming the configuration file. */
    Commands commands() {
        return new Commands(configFile);
    }
}

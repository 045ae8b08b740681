package dev.culprit.mail;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Stops all sending: a {@code paused} file in the state directory, or {@code paused: true} in
 * the configuration. The spool keeps filling the outbox meanwhile.
 */
public final class KillSwitch {
    private final boolean configured;
    private final Path file;

    public KillSwitch(boolean configured, Path stateDir) {
        this.configured = configured;
        this.file = stateDir == null ? null : stateDir.resolve("paused");
    }

    /** A switch that is never on: for dry runs, which send nothing anyway. */
    public static KillSwitch never() {
        return new KillSwitch(false, null);
    }

    /** Why sending is paused, or empty when it is not. */
    public Optional<String> reason() {
        if (configured) {
            return Optional.of("paused: true in the configuration");
        }
        if (file != null && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("the file " + file + " exists");
        }
        return Optional.empty();
    }

    public Path file() {
        return file;
    }
}

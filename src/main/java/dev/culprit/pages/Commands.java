package dev.culprit.pages;

import java.nio.file.Path;

/**
 * The culprit commands the pages show, as an operator types them on this host.
 *
 * @param configFile the configuration file the service runs with, or null for none
 */
record Commands(Path configFile) {
    /** {@code culprit release 1a2b... --config '/etc/culprit/culprit.yaml'}. */
    String of(String args) {
        if (configFile == null) {
            return "culprit " + args;
        }
        return "culprit " + args + " --config '" + configFile.toAbsolutePath().toString().replace("'", "'\\''") + "'";
    }

    /** The command that releases a held result. */
    String release(String shortId) {
        return of("release " + shortId);
    }

    /** The command that drops a held result, with a reason to fill in. */
    String drop(String shortId) {
        return of("drop " + shortId + " --why 'REASON'");
    }
}

package dev.culprit.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options every command takes: the config file and the log verbosity. */
public final class GlobalOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file (default: built-in defaults).")
    Path config;

    private boolean verbose;
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Log debug detail to standard error.")
    void setVerbose(boolean v) {
        verbose = v;
        applyLogLevel();
    }

    @Option(names = {"-q", "--quiet"}, description = "Log only warnings and errors.")
    void setQuiet(boolean q) {
        quiet = q;
        applyLogLevel();
    }

    public Path config() {
        return config;
    }

    /**
     * The configuration named by {@code --config}, or the defaults. A {@link ConfigException}
     * ends the command with one line on standard error and exit status 2 (see {@link Main}).
     */
    public CulpritConfig loadConfig() throws ConfigException {
        return new ConfigLoader().load(config);
    }

    private void applyLogLevel() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(verbose ? Level.DEBUG : quiet ? Level.WARN : Level.INFO);
        }
    }
}

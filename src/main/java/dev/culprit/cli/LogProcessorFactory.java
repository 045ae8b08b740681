package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.spool.LogProcessor;

/** Builds the log processor (parse, assess, address, render) from the configuration. */
@FunctionalInterface
interface LogProcessorFactory {
    LogProcessor create(CulpritConfig config) throws ConfigException;
}

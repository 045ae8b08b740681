package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.spool.LogProcessor;

/**
 * Gives the service its log processor from the application's assembly: {@link Culprit#processor()}
 * (parse, assess, address, render), or a stand-in where a test runs the service without the report
 * pipeline.
 */
@FunctionalInterface
interface LogProcessorFactory {
    LogProcessor create(Culprit app) throws ConfigException;
}

package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PipelineLogProcessor;
import dev.culprit.spool.LogProcessor;
import java.time.Clock;

/** The configured log processor. */
final class Processors {
    private Processors() {}

    static LogProcessor fromConfig(CulpritConfig config) throws ConfigException {
        return new PipelineLogProcessor(new Pipeline(config, Clock.systemUTC()));
    }
}

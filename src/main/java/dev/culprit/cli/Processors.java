package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.OptOutFile;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PipelineLogProcessor;
import dev.culprit.render.RenderException;
import dev.culprit.spool.LogProcessor;
import java.nio.file.Path;
import java.time.Clock;

/** The configured log processor. */
final class Processors {
    private Processors() {}

    /**
     * The pipeline as configured, after loading every template and reading the opt-out file once,
     * so a broken template or opt-out list fails at start rather than on the first mail.
     */
    static LogProcessor fromConfig(CulpritConfig config) throws ConfigException {
        Pipeline pipeline = new Pipeline(config, Clock.systemUTC());
        try {
            pipeline.renderer().check();
        } catch (RenderException e) {
            throw new ConfigException("render.templates: " + e.getMessage(), e);
        }
        if (config.recipients().optOutFile() != null) {
            new OptOutFile(Path.of(config.recipients().optOutFile())).read();
        }
        return new PipelineLogProcessor(pipeline);
    }
}

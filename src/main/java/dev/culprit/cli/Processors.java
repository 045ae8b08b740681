package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.SidecarReader;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Sidecar;
import dev.culprit.parse.LogParser;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PrepareException;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.LogRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The configured log processor: the parser, the sidecar reader and the report pipeline behind
 * the spool's {@link LogProcessor} seam.
 */
final class Processors {
    private Processors() {}

    static LogProcessor fromConfig(CulpritConfig config) throws ConfigException {
        return new PipelineProcessor(new LogParser(config.parse().crashReportLimit()), new SidecarReader(),
                new Pipeline(config, Clock.systemUTC()));
    }

    /** Parse, read the sidecar, prepare. A file with nothing of a bisection log in it is refused. */
    record PipelineProcessor(LogParser parser, SidecarReader sidecars, Pipeline pipeline) implements LogProcessor {
        @Override
        public PreparedMail prepare(String name, byte[] log, byte[] sidecar) throws LogRejectedException {
            ParseResult parsed;
            try {
                parsed = parser.parse(new InputStreamReader(new ByteArrayInputStream(log), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new LogRejectedException(name + ": cannot read: " + e.getMessage(), e);
            }
            BisectionReport r = parsed.report();
            if (r.outcome() == Outcome.TRUNCATED && r.type() == null && r.startCommit() == null && r.revisions().isEmpty()
                    && r.revisionsTested() == null) {
                String first = parsed.problems().isEmpty() ? "" : "; first problem: line " + parsed.problems().get(0).line()
                        + ": " + parsed.problems().get(0).message();
                throw new LogRejectedException(name + ": not a bisection log: no bisection header, no tested revision and no"
                        + " result" + first);
            }
            Sidecar side = null;
            if (sidecar != null) {
                try {
                    side = sidecars.read(new InputStreamReader(new ByteArrayInputStream(sidecar), StandardCharsets.UTF_8),
                            name + ".json");
                } catch (ConfigException e) {
                    throw new LogRejectedException(e.getMessage(), e);
                }
            }
            try {
                return pipeline.prepare(name, parsed, side);
            } catch (PrepareException e) {
                throw new LogRejectedException(e.getMessage(), e);
            }
        }
    }
}

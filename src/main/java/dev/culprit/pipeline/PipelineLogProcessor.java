package dev.culprit.pipeline;

import dev.culprit.config.ConfigException;
import dev.culprit.config.SidecarReader;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Sidecar;
import dev.culprit.recipients.OptOuts;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.LogRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The spool's log processor: the sidecar is read strictly, the log parsed, then the {@link Pipeline}.
 * A file with nothing of a bisection log in it is refused, so it lands in {@code failed/}.
 */
public final class PipelineLogProcessor implements LogProcessor {
    private final Pipeline pipeline;
    private final SidecarReader sidecars = new SidecarReader();

    public PipelineLogProcessor(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public PreparedMail prepare(String name, byte[] log, byte[] sidecar) throws LogRejectedException {
        Sidecar side = null;
        if (sidecar != null) {
            try {
                side = sidecars.read(new InputStreamReader(new ByteArrayInputStream(sidecar), StandardCharsets.UTF_8), name + ".json");
            } catch (ConfigException e) {
                throw new LogRejectedException(e.getMessage(), e);
            }
        }
        ParseResult parsed;
        try {
            parsed = pipeline.parser().parse(new InputStreamReader(new ByteArrayInputStream(log), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LogRejectedException(name + ": cannot read: " + e.getMessage(), e);
        }
        BisectionReport r = parsed.report();
        if (r.outcome() == Outcome.TRUNCATED && r.type() == null && r.startCommit() == null && r.revisions().isEmpty()
                && r.revisionsTested() == null) {
            String first = parsed.problems().isEmpty() ? "" : "; first problem: " + parsed.problems().get(0).describe(name);
            throw new LogRejectedException(name + ": not a bisection log: no bisection header, no tested revision and no result"
                    + first);
        }
        try {
            return pipeline.prepare(name, parsed, side);
        } catch (PrepareException e) {
            throw new LogRejectedException(e.getMessage(), e);
        }
    }

    @Override
    public LogProcessor knowingThreads(dev.culprit.model.CulpritThread.Lookup threads) {
        return new PipelineLogProcessor(pipeline.withThreads(threads));
    }

    @Override
    public LogProcessor knowingBlames(java.util.function.ToIntBiFunction<String, String> earlier) {
        return new PipelineLogProcessor(pipeline.withEarlierBlames(earlier));
    }

    @Override
    public LogProcessor honouring(Supplier<OptOuts> current) {
        return new PipelineLogProcessor(pipeline.withMoreOptOuts(() -> {
            try {
                return current.get();
            } catch (IllegalStateException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }));
    }
}

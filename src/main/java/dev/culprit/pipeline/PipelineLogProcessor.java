package dev.culprit.pipeline;

import dev.culprit.config.ConfigException;
import dev.culprit.config.SidecarReader;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Sidecar;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.LogRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The spool's log processor: the sidecar is read strictly, the log parsed, then the {@link Pipeline}. */
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
        try {
            return pipeline.prepare(name, new InputStreamReader(new ByteArrayInputStream(log), StandardCharsets.UTF_8), side);
        } catch (IOException e) {
            throw new LogRejectedException(name + ": cannot read: " + e.getMessage(), e);
        } catch (PrepareException e) {
            throw new LogRejectedException(e.getMessage(), e);
        }
    }
}

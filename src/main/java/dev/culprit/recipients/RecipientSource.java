package dev.culprit.recipients;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Sidecar;
import java.util.List;

/** One place addresses come from: the log's lists, the culprit commit, the config, the sidecar. */
public interface RecipientSource {
    /** The candidates this source finds, in a stable order; never null. */
    List<Candidate> candidates(BisectionReport report, Sidecar sidecar);
}

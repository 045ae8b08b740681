package dev.culprit.recipients;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Recipient.Field;
import dev.culprit.model.Sidecar;
import java.util.ArrayList;
import java.util.List;

/** Extra recipients named by the job that ran the bisection, in the log's sidecar file. */
public final class SidecarRecipients implements RecipientSource {
    @Override
    public List<Candidate> candidates(BisectionReport report, Sidecar sidecar) {
        if (sidecar == null) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        sidecar.to().forEach(a -> out.add(new Candidate(a, null, Field.TO, Tie.SIDECAR, "named by the bisection job (sidecar to)")));
        sidecar.cc().forEach(a -> out.add(new Candidate(a, null, Field.CC, Tie.SIDECAR, "named by the bisection job (sidecar cc)")));
        return out;
    }
}

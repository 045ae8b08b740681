package dev.culprit.recipients;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Recipient.Field;
import dev.culprit.model.Sidecar;
import java.util.ArrayList;
import java.util.List;

/** The operator's always-to and always-cc lists, added to every mail. */
public final class ConfiguredRecipients implements RecipientSource {
    private final List<String> alwaysTo;
    private final List<String> alwaysCc;

    public ConfiguredRecipients(List<String> alwaysTo, List<String> alwaysCc) {
        this.alwaysTo = List.copyOf(alwaysTo);
        this.alwaysCc = List.copyOf(alwaysCc);
    }

    @Override
    public List<Candidate> candidates(BisectionReport report, Sidecar sidecar) {
        List<Candidate> out = new ArrayList<>();
        alwaysTo.forEach(a -> out.add(new Candidate(a, null, Field.TO, Tie.CONFIGURED, "on the operator's always-to list")));
        alwaysCc.forEach(a -> out.add(new Candidate(a, null, Field.CC, Tie.CONFIGURED, "on the operator's always-cc list")));
        return out;
    }
}

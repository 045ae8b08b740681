package dev.culprit.recipients;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Recipient.Field;
import dev.culprit.model.Sidecar;
import java.util.ArrayList;
import java.util.List;

/**
 * The bisection's own lists: {@code recipients (to)} and {@code recipients (cc)}, or the single
 * legacy {@code cc:} list of logs before mid-2020. People in the To list are the maintainers of
 * the changed code; lists always go to Cc.
 */
public final class LogRecipients implements RecipientSource {
    private final MailingLists lists;

    public LogRecipients(MailingLists lists) {
        this.lists = lists;
    }

    @Override
    public List<Candidate> candidates(BisectionReport report, Sidecar sidecar) {
        List<Candidate> out = new ArrayList<>();
        if (report.to() != null) {
            for (String raw : report.to()) {
                out.add(classify(raw, Field.TO, Tie.MAINTAINER, "named by the bisection as a maintainer of the changed code (recipients (to))"));
            }
            if (report.cc() != null) {
                for (String raw : report.cc()) {
                    out.add(classify(raw, Field.CC, Tie.LOG_CC, "named by the bisection for Cc (recipients (cc))"));
                }
            }
        } else if (report.cc() != null) {
            for (String raw : report.cc()) {
                out.add(classify(raw, Field.CC, Tie.LOG_CC, "named by the bisection (cc list)"));
            }
        }
        return out;
    }

    private Candidate classify(String raw, Field personField, Tie personTie, String personReason) {
        Address a;
        try {
            a = Address.parse(raw);
        } catch (IllegalArgumentException e) {
            return new Candidate(raw, null, personField, personTie, personReason);
        }
        if (lists.isBroad(a)) {
            return new Candidate(raw, null, Field.CC, Tie.BROAD_LIST, "mailing list that carries all kernel reports");
        }
        if (lists.isList(a)) {
            return new Candidate(raw, null, Field.CC, Tie.SUBSYSTEM_LIST, "mailing list of the changed code, named by the bisection");
        }
        return new Candidate(raw, null, personField, personTie, personReason);
    }
}

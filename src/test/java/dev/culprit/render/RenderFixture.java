package dev.culprit.render;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Assessor;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Sidecar;
import dev.culprit.recipients.OptOuts;
import dev.culprit.recipients.PolicyResult;
import dev.culprit.recipients.RecipientSettings;
import java.util.Map;

/** Renders a report the way the pipeline does, with default settings. */
final class RenderFixture {
    static final String REPORTED_BY = "syzbot+8e4a1e6cd3b7c2f5a1d0@syzkaller.appspotmail.com";

    private RenderFixture() {}

    static MailContext context(BisectionReport r, Sidecar sidecar) {
        return context(r, sidecar, RecipientSettings.defaults());
    }

    static MailContext context(BisectionReport r, Sidecar sidecar, RecipientSettings rs) {
        PolicyResult p = rs.policy(OptOuts.none()).apply(rs.resolver().resolve(r, sidecar).candidates());
        ResultKey key = ResultKey.of(r);
        return new MailContext(r, new Assessor(AssessPolicy.defaults()).assess(r), p, sidecar, REPORTED_BY, key,
                key.messageId("culprit.example.org"));
    }

    static Map<String, Object> model(BisectionReport r, Sidecar sidecar) {
        return new DataModel(RenderSettings.defaults()).build(context(r, sidecar));
    }

    static Rendered render(BisectionReport r, Sidecar sidecar) throws RenderException {
        return new Renderer(Renderer.bundledLoader()).render(r.outcome(), model(r, sidecar));
    }

    static Rendered render(BisectionReport r) throws RenderException {
        return render(r, Sidecar.empty());
    }
}

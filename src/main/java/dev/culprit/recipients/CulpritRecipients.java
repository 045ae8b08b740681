package dev.culprit.recipients;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Commit;
import dev.culprit.model.Recipient.Field;
import dev.culprit.model.Sidecar;
import dev.culprit.model.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The people tied to the culprit (or fixing) commit: its author and the people on its
 * Signed-off-by, Acked-by, Reviewed-by and Tested-by trailers, all in To. {@code Cc:} trailers
 * are never used: being copied on a patch is not being responsible for it.
 */
public final class CulpritRecipients implements RecipientSource {
    /** How the reason of the commit's author begins ({@code author of the culprit commit 7a819b1f87a1}). */
    public static final String AUTHOR_REASON = "author of the ";
    private static final Map<String, Tie> TRAILERS = Map.of(
            "signed-off-by", Tie.SIGNED_OFF,
            "acked-by", Tie.ACKED,
            "reviewed-by", Tie.REVIEWER,
            "tested-by", Tie.TESTER);

    @Override
    public List<Candidate> candidates(BisectionReport report, Sidecar sidecar) {
        Commit c = report.culprit();
        if (c == null) {
            return List.of();
        }
        String what = (report.type() == BisectionType.FIX ? "fixing commit " : "culprit commit ")
                + c.hash().substring(0, Math.min(12, c.hash().length()));
        List<Candidate> out = new ArrayList<>();
        if (c.authorEmail() != null && !c.authorEmail().isBlank()) {
            out.add(new Candidate(c.authorEmail(), c.authorName(), Field.TO, Tie.AUTHOR, AUTHOR_REASON + what));
        }
        for (Trailer t : c.trailers()) {
            Tie tie = TRAILERS.get(t.key().toLowerCase(Locale.ROOT));
            if (tie != null) {
                out.add(new Candidate(t.value(), null, Field.TO, tie, t.key() + " on the " + what));
            }
        }
        return out;
    }
}

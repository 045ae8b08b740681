package dev.culprit.learn;

import dev.culprit.model.Label;
import dev.culprit.model.MailedResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a landed fix says about a mailed culprit. One {@code Fixes:} naming the culprit (the same
 * commit by a prefix of at least 12 hex digits, or the same quoted title, as after a rebase)
 * makes it right; when every {@code Fixes:} names another commit it is wrong, and the first of
 * those is the culprit believed; without {@code Fixes:} the fix says nothing.
 */
public final class FixJudge {
    /** The shortest hash prefix taken as naming a commit. */
    public static final int MIN_PREFIX = 12;

    private FixJudge() {}

    /** Why a linked fix gave no label, or the label it gave. */
    public record Judgement(Optional<Label> label, String why) {}

    public static Judgement judge(MailedResult result, FixCommit fix, Instant now) {
        List<FixTrailers.Fixes> fixes = fix.trailers().fixes();
        if (fixes.isEmpty()) {
            return new Judgement(Optional.empty(), "no Fixes: trailer");
        }
        String evidence = evidence(fix);
        List<FixTrailers.Fixes> others = new ArrayList<>();
        for (FixTrailers.Fixes f : fixes) {
            switch (names(f, result)) {
                case YES -> {
                    return new Judgement(Optional.of(new Label(Label.Value.RIGHT, result.culprit(), Label.Source.FIX, evidence, now)),
                            "Fixes: names the mailed culprit");
                }
                case NO -> others.add(f);
                default -> { }
            }
        }
        if (others.size() < fixes.size()) {
            return new Judgement(Optional.empty(), "a Fixes: trailer gives a hash prefix shorter than " + MIN_PREFIX
                    + " hex digits that may name the mailed culprit");
        }
        return new Judgement(Optional.of(new Label(Label.Value.WRONG, others.get(0).hash(), Label.Source.FIX, evidence, now)),
                "every Fixes: trailer names another commit");
    }

    private enum Naming { YES, NO, UNSURE }

    private static Naming names(FixTrailers.Fixes f, MailedResult result) {
        String culprit = result.culprit().toLowerCase(java.util.Locale.ROOT);
        boolean prefix = culprit.startsWith(f.hash()) || f.hash().startsWith(culprit);
        int shared = Math.min(culprit.length(), f.hash().length());
        if (prefix && shared >= MIN_PREFIX) {
            return Naming.YES;
        }
        if (f.title() != null && result.culpritTitle() != null && f.title().strip().equals(result.culpritTitle().strip())) {
            return Naming.YES;
        }
        return prefix ? Naming.UNSURE : Naming.NO;
    }

    /** The fix's hash and the trailers that linked and judged it, as a label's evidence. */
    static String evidence(FixCommit fix) {
        StringBuilder b = new StringBuilder("fix ").append(fix.hash());
        for (FixTrailers.Fixes f : fix.trailers().fixes()) {
            b.append("; Fixes: ").append(f.hash()).append(f.title() == null ? "" : " (\"" + f.title() + "\")");
        }
        fix.trailers().reportedBy().forEach(a -> b.append("; Reported-by: ").append(a));
        fix.trailers().links().forEach(l -> b.append("; Link: ").append(l));
        return b.length() > 8000 ? b.substring(0, 7997) + "..." : b.toString();
    }
}

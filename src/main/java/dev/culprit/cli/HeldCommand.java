package dev.culprit.cli;

import dev.culprit.moderation.Moderator;
import dev.culprit.store.HeldMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code culprit held}: the results held for moderation, oldest first. */
@Command(name = "held", mixinStandardHelpOptions = true,
        description = {"List the results held for moderation, oldest first: key, age, outcome, culprit, why it was held, "
                + "and who it would go to.", "Release one with `culprit release KEY`, drop it with `culprit drop KEY --why TEXT`."})
public final class HeldCommand extends ModerationCommand {
    @Override
    int noStore(PrintWriter out, PrintWriter err, String where) {
        out.println("no held results (no store yet at " + where + ")");
        return 0;
    }

    @Override
    int run(Moderator moderator, PrintWriter out) throws StoreException {
        List<HeldMail> held = moderator.held();
        if (held.isEmpty()) {
            out.println("no held results");
            return 0;
        }
        Instant now = Instant.now();
        for (HeldMail h : held) {
            out.println(h.shortId() + "  held " + StatusCommand.age(Duration.between(h.heldAt(), now)) + " ago  " + h.outcome()
                    + (h.culprit() == null ? "" : "  " + h.culprit()));
            out.println("    subject:  " + (h.subject() == null ? "" : h.subject()));
            out.println("    log:      " + h.source());
            out.println("    why:      " + (h.reasons().isEmpty() ? "(no reason recorded)" : String.join("; ", h.reasons())));
            List<OutboxRecipient> to = h.wouldGoTo();
            out.println("    would go to: " + (to.isEmpty() ? "nobody"
                    : to.stream().map(r -> r.address() + " (" + r.recipient().field().id() + ")").collect(Collectors.joining(", "))));
            out.println("    notice:   " + (h.noticeMessageId() == null ? "none" : h.noticeMessageId()));
        }
        out.println(held.size() + " held result(s)");
        return 0;
    }
}

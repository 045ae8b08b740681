package dev.culprit.cli;

import dev.culprit.moderation.Moderator;
import dev.culprit.store.HeldMail;
import dev.culprit.store.ModerationException;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code culprit release KEY}: a held mail goes out through the normal delivery. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Send a held result to its recipients: it becomes pending and goes out with the next delivery, "
                + "with its caps and retries, keeping its Message-ID.")
public final class ReleaseCommand extends ModerationCommand {
    @Parameters(paramLabel = "KEY", description = "The result key as `culprit held` prints it (at least 8 hex digits).")
    String key;

    @Override
    int run(Moderator moderator, PrintWriter out) throws StoreException, ModerationException {
        HeldMail m = moderator.release(key);
        out.println("released " + m.shortId() + ": \"" + m.subject() + "\" goes to " + m.wouldGoTo().size()
                + " recipient(s) with the next delivery, as " + m.messageId());
        return 0;
    }
}

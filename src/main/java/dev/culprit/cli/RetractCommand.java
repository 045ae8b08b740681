package dev.culprit.cli;

import dev.culprit.moderation.Moderator;
import dev.culprit.store.ModerationException;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code culprit retract KEY --why TEXT [--culprit HASH]}: withdraw a sent result in its own thread. */
@Command(name = "retract", mixinStandardHelpOptions = true,
        description = {"Withdraw a result that was sent: a correction goes to the same recipients, threaded under the "
                + "original (In-Reply-To, References, \"Re: \" subject), saying why and, when given, which commit is "
                + "now believed to be the culprit.", "The result is never mailed again, even when the same log arrives anew."})
public final class RetractCommand extends ModerationCommand {
    @Parameters(paramLabel = "KEY", description = "The result key (at least 8 hex digits; X-Culprit-Key of the mail).")
    String key;

    @Option(names = "--why", required = true, paramLabel = "TEXT", description = "Why the result is withdrawn; printed in the correction.")
    String why;

    @Option(names = "--culprit", paramLabel = "HASH", description = "The commit now believed to be the culprit.")
    String culprit;

    @Override
    int run(Moderator moderator, PrintWriter out) throws StoreException, ModerationException {
        Moderator.Retraction r = moderator.retract(key, why, culprit);
        out.println("retracted " + r.original().shortId() + ": correction " + r.correction().messageId() + " in reply to "
                + r.original().messageId() + " goes to " + r.correction().recipients().size()
                + " recipient(s) with the next delivery");
        return 0;
    }
}

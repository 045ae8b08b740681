package dev.culprit.cli;

import dev.culprit.moderation.Moderator;
import dev.culprit.store.HeldMail;
import dev.culprit.store.ModerationException;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code culprit drop KEY --why TEXT}: a held mail is never sent. */
@Command(name = "drop", mixinStandardHelpOptions = true,
        description = "Never send a held result; the reason is kept with it. The same result arriving again is not mailed either.")
public final class DropCommand extends ModerationCommand {
    @Parameters(paramLabel = "KEY", description = "The result key as `culprit held` prints it (at least 8 hex digits).")
    String key;

    @Option(names = "--why", required = true, paramLabel = "TEXT", description = "Why it is dropped; kept in the store.")
    String why;

    @Override
    int run(Moderator moderator, PrintWriter out) throws StoreException, ModerationException {
        HeldMail m = moderator.drop(key, why);
        out.println("dropped " + m.shortId() + ": \"" + m.subject() + "\" will never be sent");
        return 0;
    }
}

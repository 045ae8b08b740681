package dev.culprit.cli;

import dev.culprit.moderation.Moderator;
import dev.culprit.store.OptOutList;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code culprit opt-out ADDRESS|DOMAIN [--why TEXT]}, {@code --list}, {@code --remove}. */
@Command(name = "opt-out", mixinStandardHelpOptions = true,
        description = {"Never mail an address, or anyone in a domain (example.org or @example.org, subdomains included).",
            "Holds for every later mail, and at once for mails still queued or held: the address is taken off them.",
            "The list is kept in the store, next to the optional recipients.opt-out-file."})
public final class OptOutCommand extends ModerationCommand {
    @Parameters(paramLabel = "ADDRESS|DOMAIN", arity = "0..1", description = "The address or domain to add.")
    String entry;

    @Option(names = "--why", paramLabel = "TEXT", description = "A note kept with the entry (who asked, when).")
    String why;

    @Option(names = "--list", description = "Print the stored opt-out list.")
    boolean list;

    @Option(names = "--remove", paramLabel = "ADDRESS|DOMAIN", description = "Take an entry off the list.")
    String remove;

    @Override
    boolean createsStore() {
        return entry != null;
    }

    @Override
    int noStore(PrintWriter out, PrintWriter err, String where) {
        if (list) {
            out.println("the opt-out list is empty (no store yet at " + where + ")");
            return 0;
        }
        err.println("culprit opt-out: " + remove + " is not on the opt-out list (no store yet at " + where + ")");
        return 1;
    }

    @Override
    String usageError() {
        int modes = (entry != null ? 1 : 0) + (list ? 1 : 0) + (remove != null ? 1 : 0);
        if (modes != 1) {
            return "give one of: ADDRESS|DOMAIN, --list, --remove ADDRESS|DOMAIN";
        }
        if (why != null && entry == null) {
            return "--why goes with an ADDRESS|DOMAIN to add";
        }
        try {
            OptOutList.normalize(entry != null ? entry : remove != null ? remove : "x@example.org");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    @Override
    int run(Moderator moderator, PrintWriter out) throws StoreException {
        if (list) {
            var entries = moderator.optOuts();
            for (OptOutList.Entry e : entries) {
                out.println(e.entry() + "  " + (e.addedAt() == null ? "" : e.addedAt().toString())
                        + (e.note() == null || e.note().isBlank() ? "" : "  " + e.note()));
            }
            out.println(entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
            return 0;
        }
        if (remove != null) {
            if (moderator.removeOptOut(remove)) {
                out.println(OptOutList.normalize(remove) + " removed from the opt-out list");
                return 0;
            }
            out.println(OptOutList.normalize(remove) + " was not on the opt-out list");
            return 1;
        }
        Moderator.OptOutResult r = moderator.optOut(entry, why);
        out.println(r.entry() + (r.added() ? " added to the opt-out list" : " was on the opt-out list already")
                + "; taken off " + r.mailsChanged() + " queued or held mail(s)");
        return 0;
    }
}

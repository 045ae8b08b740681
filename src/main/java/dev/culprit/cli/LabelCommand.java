package dev.culprit.cli;

import dev.culprit.model.Label;
import dev.culprit.store.Database;
import dev.culprit.store.LabelRefused;
import dev.culprit.store.Labels;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code culprit label KEY right|wrong [--culprit HASH] --why TEXT}: an operator's judgement of a result's culprit. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Label a result's culprit right or wrong, as an operator: it outranks the labels of landed fixes"
                + " and replies. Every label is kept (culprit labels)."})
public final class LabelCommand extends ModerationCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "The result key (at least 8 hex digits; X-Culprit-Key of the mail).")
    String key;

    @Parameters(index = "1", paramLabel = "right|wrong", description = "Whether the mailed culprit was right.")
    String value;

    @Option(names = "--culprit", paramLabel = "HASH", description = "The commit believed to be the culprit.")
    String culprit;

    @Option(names = "--why", required = true, paramLabel = "TEXT", description = "What the label rests on.")
    String why;

    @Override
    String usageError() {
        if (!"right".equalsIgnoreCase(value) && !"wrong".equalsIgnoreCase(value)) {
            return "the label must be right or wrong, not \"" + value + "\"";
        }
        if (culprit != null && !culprit.matches("[0-9a-fA-F]{4,64}")) {
            return "--culprit: not a commit hash (4 to 64 hex digits): " + culprit;
        }
        if (why.isBlank()) {
            return "--why: say what the label rests on";
        }
        return null;
    }

    @Override
    int run(Culprit app, Database db, PrintWriter out) throws StoreException, LabelRefused {
        Label label = new Label(Label.Value.of(value), culprit == null ? null : culprit.toLowerCase(Locale.ROOT),
                Label.Source.OPERATOR, why.strip(), app.clock().instant());
        String shortKey = new Labels(db).label(key, label);
        out.println("labelled " + shortKey + " " + label.value().id() + (label.culprit() == null ? "" : ", culprit "
                + label.culprit()) + ", by an operator");
        return 0;
    }
}

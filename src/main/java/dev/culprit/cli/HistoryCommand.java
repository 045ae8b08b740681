package dev.culprit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.culprit.store.Database;
import dev.culprit.store.HistoryEvent;
import dev.culprit.store.ModerationException;
import dev.culprit.store.ResultHistory;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code culprit history KEY [--json]}: everything that happened to one result, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show one result's history, oldest first: the logs that gave it, its verdict, when it was queued,"
                + " held, released or dropped and by whom, sent and to whom, each reply about it with its commands and"
                + " what became of them, its retraction and its labels."})
public final class HistoryCommand extends ModerationCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "KEY", description = "The result key (at least 8 hex digits; X-Culprit-Key of the mail).")
    String key;

    @Option(names = "--json", description = "The history as one JSON object.")
    boolean json;

    @Override
    int run(Culprit app, Database db, PrintWriter out) throws StoreException, ModerationException {
        ResultHistory.History h = new ResultHistory(db).of(key);
        if (json) {
            out.println(json(h));
            return 0;
        }
        out.println("result " + h.shortKey() + " (" + h.state() + "): " + h.resultKey());
        for (HistoryEvent e : h.events()) {
            out.println(e.at() + "  " + e.kind().id() + "  " + e.summary());
            e.fields().forEach((name, text) -> {
                String[] lines = text.split("\n");
                out.println("    " + name + ": " + lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    out.println("    " + " ".repeat(name.length() + 2) + lines[i]);
                }
            });
        }
        return 0;
    }

    static String json(ResultHistory.History h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", h.shortKey());
        o.put("resultKey", h.resultKey());
        o.put("state", h.state());
        ArrayNode events = o.putArray("events");
        for (HistoryEvent e : h.events()) {
            ObjectNode n = events.addObject();
            n.put("at", e.at().toString());
            n.put("kind", e.kind().id());
            n.put("summary", e.summary());
            ObjectNode fields = n.putObject("fields");
            e.fields().forEach(fields::put);
        }
        return o.toString();
    }
}

package dev.culprit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.culprit.model.Label;
import dev.culprit.store.Database;
import dev.culprit.store.Labels;
import dev.culprit.store.ResultLabels;
import dev.culprit.store.StoreException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code culprit labels [--json]}: every labelled result with the label in force and all its labels. */
@Command(name = "labels", mixinStandardHelpOptions = true,
        description = {"List the labelled results: the label in force (an operator's over a landed fix's over a reply's,"
                + " the latest within a source), the culprit believed, and every label with its source and evidence."})
public final class LabelsCommand extends ModerationCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "One JSON object per result and line.")
    boolean json;

    @Override
    int noStore(PrintWriter out, PrintWriter err, String where) {
        return 0;
    }

    @Override
    int run(Culprit app, Database db, PrintWriter out) throws StoreException {
        for (ResultLabels r : new Labels(db).all()) {
            if (json) {
                out.println(json(r));
            } else {
                text(r, out);
            }
        }
        return 0;
    }

    private static void text(ResultLabels r, PrintWriter out) {
        Label inForce = r.inForce().orElseThrow();
        String believed = r.culpritBelieved();
        out.println(r.shortKey() + "  " + inForce.value().id() + " (" + inForce.source().id() + ")"
                + (believed == null ? "" : ", culprit believed " + believed));
        for (Label l : r.labels()) {
            out.println("  " + l.at() + "  " + l.source().id() + "  " + l.value().id()
                    + (l.culprit() == null ? "" : " culprit " + l.culprit()) + ": " + l.evidence());
        }
    }

    static String json(ResultLabels r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", r.shortKey());
        o.put("resultKey", r.key());
        Label inForce = r.inForce().orElseThrow();
        o.put("label", inForce.value().id());
        o.put("source", inForce.source().id());
        o.put("culprit", r.culpritBelieved());
        o.put("mailedCulprit", r.mailedCulprit());
        ArrayNode all = o.putArray("labels");
        for (Label l : r.labels()) {
            ObjectNode n = all.addObject();
            n.put("label", l.value().id());
            n.put("culprit", l.culprit());
            n.put("source", l.source().id());
            n.put("evidence", l.evidence());
            n.put("at", l.at().toString());
        }
        return o.toString();
    }
}

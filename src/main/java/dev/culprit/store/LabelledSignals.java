package dev.culprit.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Label;
import dev.culprit.model.Outcome;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's own labelled results with the signals their assessment stated, read from the
 * summary written at intake: what {@code culprit calibrate-store} fits the weights to.
 */
public final class LabelledSignals {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One labelled cause culprit.
     *
     * @param culprit the commit it blamed (logs of one commit are kept together by calibration)
     * @param right whether the label in force says the culprit was right
     * @param signals the signals its mail stated, or empty when the result was stored before
     *     culprit recorded them
     */
    public record Result(String key, String culprit, boolean right, Optional<List<String>> signals) {
        public Result {
            signals = signals.map(List::copyOf);
        }
    }

    private final Database db;

    public LabelledSignals(Database db) {
        this.db = db;
    }

    /** Every cause culprit with a label in force, oldest first. */
    public List<Result> all() throws StoreException {
        List<ResultLabels> labelled = new Labels(db).all();
        Map<String, String> summaries = summaries();
        List<Result> out = new ArrayList<>();
        for (ResultLabels r : labelled) {
            Optional<Label> inForce = r.inForce();
            String summary = summaries.get(r.key());
            JsonNode facts = summary == null ? null : parse(r.key(), summary);
            if (inForce.isEmpty() || r.mailedCulprit() == null || !causeCulprit(r.key(), facts)) {
                continue;
            }
            out.add(new Result(r.key(), r.mailedCulprit(), inForce.get().value() == Label.Value.RIGHT, signals(facts)));
        }
        return out;
    }

    private Map<String, String> summaries() throws StoreException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select o.result_key, s.summary from outbox o join result_summary s on s.outbox_id = o.id"
                        + " where o.id in (select outbox_id from result_label)");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the labelled results' summaries: " + e.getMessage(), e);
        }
    }

    private static boolean causeCulprit(String key, JsonNode facts) {
        if (facts == null || !facts.has("type")) {
            return key.startsWith(BisectionType.CAUSE.id() + "|" + Outcome.CULPRIT.id() + "|");
        }
        return BisectionType.CAUSE.id().equals(facts.path("type").asText())
                && Outcome.CULPRIT.id().equals(facts.path("outcome").asText());
    }

    private static Optional<List<String>> signals(JsonNode facts) {
        if (facts == null || !facts.path("signals").isArray()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        facts.path("signals").forEach(n -> ids.add(n.asText()));
        return Optional.of(ids);
    }

    private static JsonNode parse(String key, String summary) throws StoreException {
        try {
            return JSON.readTree(summary);
        } catch (IOException e) {
            throw new StoreException("the summary of result " + key + " is not JSON: " + e.getMessage(), e);
        }
    }
}

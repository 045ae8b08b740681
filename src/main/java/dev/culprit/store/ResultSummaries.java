package dev.culprit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.Commit;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Signal;
import dev.culprit.model.TestedRevision;
import dev.culprit.recipients.Address;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes what a log said, inside the transaction that stores its result: the crash title and the
 * culprit for the status pages' list, a JSON summary (the report's main facts, its timeline of
 * tested revisions, the verdict and its reasons) for the result's page, and the address of the
 * blamed commit's author, which replies read to tell the author.
 */
final class ResultSummaries {
    /** The longest summary kept; a longer one (thousands of revisions) is cut to its facts. */
    static final int MAX_SUMMARY = 200_000;
    private static final int MAX_TEXT = 4000;
    private static final int MAX_ADDRESS = 320;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultSummaries() {}

    static void record(Connection c, long outboxId, PreparedMail mail) throws SQLException {
        BisectionReport r = mail.report();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into result_summary (outbox_id, crash_title, culprit, summary, culprit_author, author_recorded)"
                + " values (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, outboxId);
            ps.setString(2, r == null ? null : OutboxRows.clip(HeldResults.title(r), MAX_TEXT));
            ps.setString(3, r == null ? null : OutboxRows.clip(HeldResults.culprit(r), MAX_TEXT));
            ps.setString(4, summary(mail));
            ps.setString(5, author(r));
            ps.setBoolean(6, true);
            ps.executeUpdate();
        }
    }

    /**
     * The address of the blamed commit's author, as the recipients parse it, or null when the
     * report names none or an unusable one: kept whether or not the author is a recipient.
     */
    static String author(BisectionReport r) {
        Commit c = r == null ? null : r.culprit();
        if (c == null || c.authorEmail() == null || c.authorEmail().isBlank()) {
            return null;
        }
        try {
            String a = Address.parse(c.authorEmail()).addrSpec();
            return a.length() <= MAX_ADDRESS ? a : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The summary as JSON, without the timeline when it would be too long. */
    static String summary(PreparedMail mail) {
        Map<String, Object> s = facts(mail);
        String json = write(s);
        if (json.length() > MAX_SUMMARY) {
            s.remove("timeline");
            json = write(s);
        }
        return json.length() > MAX_SUMMARY ? null : json;
    }

    private static String write(Map<String, Object> s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary of strings and numbers is JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> facts(PreparedMail mail) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("verdict", mail.verdict().id());
        s.put("score", Double.isFinite(mail.assessment().score()) ? mail.assessment().score() : null);
        s.put("reasons", mail.assessment().reasons());
        s.put("signals", mail.assessment().signals().stream().map(Signal::id).toList());
        s.put("source", mail.source());
        BisectionReport r = mail.report();
        if (r == null) {
            return s;
        }
        s.put("type", r.type() == null ? null : r.type().id());
        s.put("outcome", r.outcome().id());
        s.put("crashTitle", r.crashTitle());
        s.put("originalCrashTitle", r.originalCrashTitle());
        s.put("culpritHash", r.culpritHash());
        s.put("culpritTitle", r.culpritTitle());
        s.put("candidates", r.inconclusiveCommits());
        s.put("startCommit", r.startCommit());
        s.put("revisionsTested", r.revisionsTested());
        s.put("totalTime", r.totalTime());
        s.put("reproChance", r.reproChance());
        s.put("errorMessage", r.errorMessage() == null ? null : OutboxRows.clip(r.errorMessage(), MAX_TEXT));
        s.put("timeline", timeline(r));
        return s;
    }

    private static List<Map<String, Object>> timeline(BisectionReport r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TestedRevision t : r.revisions() == null ? List.<TestedRevision>of() : r.revisions()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("commit", t.hash());
            e.put("phase", t.phase().name().toLowerCase(Locale.ROOT));
            e.put("release", t.release());
            e.put("runs", t.verdicts().size());
            e.put("buildFailed", t.buildFailed());
            e.put("verdicts", t.verdicts().stream().map(v -> v.kind().name().toLowerCase(Locale.ROOT)).distinct().toList());
            out.add(e);
        }
        return out;
    }
}

package dev.culprit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.culprit.model.BisectStep;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.ChangedFile;
import dev.culprit.model.Commit;
import dev.culprit.model.Crash;
import dev.culprit.model.Minimization;
import dev.culprit.model.ParseResult;
import dev.culprit.model.Problem;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.TestedRevision;
import dev.culprit.model.Trailer;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a parse result, as {@code culprit parse --json} prints it. The first fields are
 * those of the corpus {@code .expected.json} files with the same conventions ({@code null} where
 * the log does not say); the richer fields follow.
 */
final class ReportJson {
    private final ObjectMapper mapper;

    ReportJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode toJson(String file, ParseResult result) {
        BisectionReport r = result.report();
        ObjectNode o = mapper.createObjectNode();
        o.put("file", file);
        o.put("type", r.type() == null ? null : r.type().id());
        o.put("outcome", r.outcome().id());
        o.put("startCommit", r.startCommit());
        o.put("culpritHash", r.culpritHash());
        o.put("culpritTitle", r.culpritTitle());
        Commit c = r.culprit();
        o.put("culpritAuthor", c == null ? null : c.author());
        o.put("culpritDate", c == null ? null : c.date());
        o.set("inconclusiveCommits", strings(r.inconclusiveCommits()));
        o.set("to", strings(r.to()));
        o.set("cc", strings(r.cc()));
        o.put("crashTitle", r.crashTitle());
        o.put("revisionsTested", r.revisionsTested());
        o.put("totalTime", r.totalTime());
        o.put("errorMessage", r.errorMessage());

        o.put("host", r.host());
        o.put("startTime", r.startTime());
        o.put("syzkallerCommit", r.syzkallerCommit());
        o.put("buildTime", r.buildTime());
        o.put("testTime", r.testTime());
        o.put("originalCrashTitle", r.originalCrashTitle());
        o.put("notFoundCommitTitle", r.notFoundCommitTitle());
        o.set("culprit", c == null ? null : commit(c));
        o.set("crash", r.crash() == null ? null : crash(r.crash()));
        o.put("culpritSignature", r.culpritSignature());
        o.put("parentSignature", r.parentSignature());
        o.put("reproducerFlaky", r.reproducerFlaky());
        o.put("reproChance", r.reproChance());
        o.put("accumulatedErrorProbability", r.accumulatedErrorProbability());
        o.set("releasesTested", strings(r.releasesTested()));
        ArrayNode revs = o.putArray("revisions");
        r.revisions().forEach(t -> revs.add(revision(t)));
        ArrayNode steps = o.putArray("bisectSteps");
        r.bisectSteps().forEach(s -> steps.add(step(s)));
        o.set("minimization", r.minimization() == null ? null : minimization(r.minimization()));
        o.set("infoLines", strings(r.infoLines()));
        ArrayNode problems = o.putArray("problems");
        for (Problem p : result.problems()) {
            ObjectNode n = problems.addObject();
            n.put("line", p.line());
            n.put("message", p.message());
        }
        return o;
    }

    private JsonNode strings(List<String> list) {
        if (list == null) {
            return mapper.nullNode();
        }
        ArrayNode a = mapper.createArrayNode();
        list.forEach(a::add);
        return a;
    }

    private ObjectNode commit(Commit c) {
        ObjectNode o = mapper.createObjectNode();
        o.put("hash", c.hash());
        o.put("title", c.title());
        o.put("authorName", c.authorName());
        o.put("authorEmail", c.authorEmail());
        o.put("date", c.date());
        o.set("body", strings(c.body()));
        ArrayNode trailers = o.putArray("trailers");
        for (Trailer t : c.trailers()) {
            trailers.addObject().put("key", t.key()).put("value", t.value());
        }
        ArrayNode files = o.putArray("files");
        for (ChangedFile f : c.files()) {
            files.addObject().put("path", f.path()).put("changes", f.changes());
        }
        o.set("mergeParents", strings(c.mergeParents()));
        return o;
    }

    private ObjectNode crash(Crash c) {
        ObjectNode o = mapper.createObjectNode();
        o.put("title", c.title());
        o.put("report", c.report());
        o.put("truncated", c.truncated());
        o.put("originalLength", c.originalLength());
        return o;
    }

    private ObjectNode revision(TestedRevision t) {
        ObjectNode o = mapper.createObjectNode();
        o.put("hash", t.hash());
        o.put("phase", t.phase());
        o.put("release", t.release());
        o.put("compiler", t.compiler());
        o.put("signature", t.signature());
        o.put("buildError", t.buildError());
        o.put("line", t.line());
        ArrayNode verdicts = o.putArray("verdicts");
        for (RunVerdict v : t.verdicts()) {
            ObjectNode n = verdicts.addObject();
            if (v.allRuns()) {
                n.put("run", "all");
            } else {
                n.put("run", v.run());
            }
            n.put("kind", v.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            n.put("detail", v.detail());
        }
        return o;
    }

    private ObjectNode step(BisectStep s) {
        ObjectNode o = mapper.createObjectNode();
        o.put("command", s.command());
        o.set("revisions", strings(s.revisions()));
        o.put("revisionsLeft", s.revisionsLeft());
        o.put("stepsLeft", s.stepsLeft());
        o.put("line", s.line());
        return o;
    }

    private ObjectNode minimization(Minimization m) {
        ObjectNode o = mapper.createObjectNode();
        o.put("base", m.base());
        o.put("full", m.full());
        o.put("diff", m.diff());
        o.put("minimizedTo", m.minimizedTo());
        o.set("suspects", strings(m.suspects()));
        o.set("droppedInstrumentation", strings(m.droppedInstrumentation()));
        o.put("outcome", m.outcome());
        return o;
    }
}

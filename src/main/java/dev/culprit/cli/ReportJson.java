package dev.culprit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes a parse result as one JSON object, as {@code culprit parse --json} prints it. The first
 * fields are those of the corpus {@code .expected.json} files with the same conventions
 * ({@code null} where the log does not say); the richer fields follow. The object is streamed to
 * the generator, never built in memory as a whole.
 */
final class ReportJson {
    private ReportJson() {}

    static void write(JsonGenerator g, String file, ParseResult result) throws IOException {
        BisectionReport r = result.report();
        Commit c = r.culprit();
        g.writeStartObject();
        g.writeStringField("file", file);
        g.writeStringField("type", r.type() == null ? null : r.type().id());
        g.writeStringField("outcome", r.outcome().id());
        g.writeStringField("startCommit", r.startCommit());
        g.writeStringField("culpritHash", r.culpritHash());
        g.writeStringField("culpritTitle", r.culpritTitle());
        g.writeStringField("culpritAuthor", c == null ? null : c.author());
        g.writeStringField("culpritDate", c == null ? null : c.date());
        strings(g, "inconclusiveCommits", r.inconclusiveCommits());
        strings(g, "to", r.to());
        strings(g, "cc", r.cc());
        g.writeStringField("crashTitle", r.crashTitle());
        number(g, "revisionsTested", r.revisionsTested());
        g.writeStringField("totalTime", r.totalTime());
        g.writeStringField("errorMessage", r.errorMessage());
        richerFields(g, r);
        g.writeArrayFieldStart("problems");
        for (Problem p : result.problems()) {
            g.writeStartObject();
            g.writeNumberField("line", p.line());
            g.writeStringField("message", p.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The fields after those of the corpus expectations: what the log says beyond the result. */
    private static void richerFields(JsonGenerator g, BisectionReport r) throws IOException {
        Commit c = r.culprit();
        g.writeStringField("host", r.host());
        g.writeStringField("startTime", r.startTime());
        g.writeStringField("syzkallerCommit", r.syzkallerCommit());
        g.writeStringField("buildTime", r.buildTime());
        g.writeStringField("testTime", r.testTime());
        g.writeStringField("originalCrashTitle", r.originalCrashTitle());
        g.writeStringField("notFoundCommitTitle", r.notFoundCommitTitle());
        g.writeFieldName("culprit");
        if (c == null) {
            g.writeNull();
        } else {
            commit(g, c);
        }
        g.writeFieldName("crash");
        if (r.crash() == null) {
            g.writeNull();
        } else {
            crash(g, r.crash());
        }
        g.writeStringField("culpritSignature", r.culpritSignature());
        g.writeStringField("parentSignature", r.parentSignature());
        g.writeBooleanField("reproducerFlaky", r.reproducerFlaky());
        number(g, "reproChance", r.reproChance());
        number(g, "accumulatedErrorProbability", r.accumulatedErrorProbability());
        strings(g, "releasesTested", r.releasesTested());
        g.writeArrayFieldStart("revisions");
        for (TestedRevision t : r.revisions()) {
            revision(g, t);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("bisectSteps");
        for (BisectStep s : r.bisectSteps()) {
            step(g, s);
        }
        g.writeEndArray();
        g.writeFieldName("minimization");
        if (r.minimization() == null) {
            g.writeNull();
        } else {
            minimization(g, r.minimization());
        }
        strings(g, "infoLines", r.infoLines());
    }

    private static void strings(JsonGenerator g, String name, List<String> list) throws IOException {
        g.writeFieldName(name);
        if (list == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, Number n) throws IOException {
        g.writeFieldName(name);
        if (n == null) {
            g.writeNull();
        } else if (n instanceof Double d) {
            g.writeNumber(d);
        } else {
            g.writeNumber(n.longValue());
        }
    }

    private static void commit(JsonGenerator g, Commit c) throws IOException {
        g.writeStartObject();
        g.writeStringField("hash", c.hash());
        g.writeStringField("title", c.title());
        g.writeStringField("authorName", c.authorName());
        g.writeStringField("authorEmail", c.authorEmail());
        g.writeStringField("date", c.date());
        strings(g, "body", c.body());
        g.writeArrayFieldStart("trailers");
        for (Trailer t : c.trailers()) {
            g.writeStartObject();
            g.writeStringField("key", t.key());
            g.writeStringField("value", t.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("files");
        for (ChangedFile f : c.files()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            number(g, "changes", f.changes());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "mergeParents", c.mergeParents());
        g.writeEndObject();
    }

    private static void crash(JsonGenerator g, Crash c) throws IOException {
        g.writeStartObject();
        g.writeStringField("title", c.title());
        g.writeStringField("report", c.report());
        g.writeBooleanField("truncated", c.truncated());
        g.writeNumberField("originalLength", c.originalLength());
        g.writeEndObject();
    }

    private static void revision(JsonGenerator g, TestedRevision t) throws IOException {
        g.writeStartObject();
        g.writeStringField("hash", t.hash());
        g.writeStringField("phase", t.phase().id());
        g.writeStringField("release", t.release());
        g.writeStringField("compiler", t.compiler());
        g.writeStringField("signature", t.signature());
        g.writeStringField("buildError", t.buildError());
        g.writeNumberField("line", t.line());
        g.writeArrayFieldStart("verdicts");
        for (RunVerdict v : t.verdicts()) {
            g.writeStartObject();
            if (v.allRuns()) {
                g.writeStringField("run", "all");
            } else {
                g.writeNumberField("run", v.run());
            }
            g.writeStringField("kind", v.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            g.writeStringField("detail", v.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void step(JsonGenerator g, BisectStep s) throws IOException {
        g.writeStartObject();
        g.writeStringField("command", s.command());
        strings(g, "revisions", s.revisions());
        number(g, "revisionsLeft", s.revisionsLeft());
        number(g, "stepsLeft", s.stepsLeft());
        g.writeNumberField("line", s.line());
        g.writeEndObject();
    }

    private static void minimization(JsonGenerator g, Minimization m) throws IOException {
        g.writeStartObject();
        number(g, "base", m.base());
        number(g, "full", m.full());
        number(g, "diff", m.diff());
        number(g, "minimizedTo", m.minimizedTo());
        strings(g, "suspects", m.suspects());
        strings(g, "droppedInstrumentation", m.droppedInstrumentation());
        g.writeStringField("outcome", m.outcome());
        g.writeEndObject();
    }
}

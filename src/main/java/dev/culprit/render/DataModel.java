package dev.culprit.render;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Commit;
import dev.culprit.model.Crash;
import dev.culprit.model.Recipient;
import dev.culprit.model.Sidecar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the data model the templates see, documented in {@code templates/README.md}. Only maps,
 * lists, strings, numbers and booleans; a value the log does not give is absent (test it with
 * {@code ??} in a template). Long texts from the log are bounded here.
 */
public final class DataModel {
    /** Addresses listed one by one in the trimmed and redirected lists before the rest are counted. */
    public static final int MAX_LISTED = 50;

    /** Prose from the assessment is wrapped to this many columns. */
    public static final int WRAP = 72;

    private final RenderSettings settings;
    private final boolean commandsRead;

    public DataModel(RenderSettings settings) {
        this(settings, false);
    }

    private DataModel(RenderSettings settings, boolean commandsRead) {
        this.settings = settings;
        this.commandsRead = commandsRead;
    }

    /**
     * The same model, saying in each report whether culprit reads the {@code #culprit} commands in
     * replies ({@code replies} configured), so that its recipients learn they can answer it.
     */
    public DataModel readingCommands(boolean read) {
        return new DataModel(settings, read);
    }

    public Map<String, Object> build(MailContext ctx) {
        return build(ctx, Footnotes.none());
    }

    /** The data model with what the bot has learned: the archive link to close with, the track record. */
    public Map<String, Object> build(MailContext ctx, Footnotes notes) {
        Sidecar s = ctx.sidecar();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> commit = putResult(m, ctx.report(), s);
        m.put("links", links(s.links()));
        Map<String, Object> tags = tags(commit, ctx.assessment().confident(), ctx.reportedBy(), s);
        if (!tags.containsKey("closes") && notes.archiveLink() != null) {
            tags.put("closes", notes.archiveLink());
        }
        m.put("tags", tags);
        if (notes.trackRecord() != null) {
            m.put("trackRecord", Map.of("landed", notes.trackRecord().landed(), "right", notes.trackRecord().right()));
        }
        m.put("replying", s.messageId() != null || ctx.thread().messageId() != null);
        m.put("threaded", s.messageId() == null && ctx.thread().messageId() != null);
        m.put("otherCrashes", ctx.thread().otherCrashes());
        putReliability(m, ctx);
        putRecipients(m, ctx);
        m.put("key", ctx.key().value());
        m.put("shortKey", ctx.key().shortId());
        m.put("messageId", ctx.messageId());
        m.put("commandsRead", commandsRead);
        return m;
    }

    /** What the log says: outcome, crash, commit, candidates, stats, timeline, error; returns the commit's model. */
    private Map<String, Object> putResult(Map<String, Object> m, BisectionReport r, Sidecar s) {
        m.put("outcome", r.outcome().id());
        m.put("type", r.type() == null ? "unknown" : r.type().id());
        m.put("title", headline(r, s));
        Map<String, Object> bug = new LinkedHashMap<>();
        put(bug, "id", s.bugId());
        put(bug, "title", s.title());
        if (!bug.isEmpty()) {
            m.put("bug", bug);
        }
        if (r.crash() != null) {
            m.put("crash", crash(r.crash()));
        }
        put(m, "originalCrashTitle", r.originalCrashTitle());
        m.put("crashTitleChanged", r.originalCrashTitle() != null && r.crashTitle() != null
                && !r.originalCrashTitle().equals(r.crashTitle()));
        Map<String, Object> commit = commit(r);
        if (commit != null) {
            m.put("commit", commit);
        }
        List<Map<String, Object>> candidates = new ArrayList<>();
        if (r.inconclusiveCommits() != null) {
            for (String h : r.inconclusiveCommits().stream().distinct().toList()) {
                candidates.add(hash(h));
            }
        }
        m.put("candidates", candidates);
        if (r.startCommit() != null) {
            m.put("start", hash(r.startCommit()));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        put(stats, "revisionsTested", r.revisionsTested());
        put(stats, "totalTime", r.totalTime());
        put(stats, "buildTime", r.buildTime());
        put(stats, "testTime", r.testTime());
        m.put("stats", stats);
        m.put("timeline", Timeline.entries(r));
        put(m, "notFoundTitle", r.notFoundCommitTitle());
        if (r.errorMessage() != null) {
            Excerpt e = excerpt(r.errorMessage(), false);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", e.text());
            error.put("cut", e.cut());
            m.put("error", error);
        }
        return commit;
    }
    private static void putReliability(Map<String, Object> m, MailContext ctx) {
        Map<String, Object> reliability = new LinkedHashMap<>();
        reliability.put("verdict", ctx.assessment().verdict().id());
        reliability.put("confident", ctx.assessment().confident());
        reliability.put("score", String.format(Locale.ROOT, "%.2f", ctx.assessment().score()));
        reliability.put("concerns", ctx.assessment().reasons().stream().map(c -> wrap(c, WRAP - 2, "  ")).toList());
        m.put("reliability", reliability);
    }
    private static void putRecipients(Map<String, Object> m, MailContext ctx) {
        List<Recipient> envelope = ctx.recipients().recipients();
        m.put("recipients", envelope.stream().map(DataModel::recipient).toList());
        m.put("reasonGroups", groups(ctx.recipients().redirected().isEmpty() ? envelope : ctx.recipients().redirected()));
        List<Recipient> trimmed = ctx.recipients().trimmed();
        m.put("trimmed", trimmed.stream().limit(MAX_LISTED).map(Recipient::address).toList());
        m.put("trimmedMore", Math.max(0, trimmed.size() - MAX_LISTED));
        List<Recipient> redirected = ctx.recipients().redirected();
        m.put("redirected", redirected.stream().limit(MAX_LISTED).map(DataModel::recipient).toList());
        m.put("redirectedMore", Math.max(0, redirected.size() - MAX_LISTED));
    }

    /**
     * The crash this result is about: the one seen on the original commit (the bug that was
     * bisected), else the final one, else the bug's title from the sidecar.
     */
    static String headline(BisectionReport r, Sidecar s) {
        if (r.originalCrashTitle() != null && !r.originalCrashTitle().isBlank()) {
            return firstLine(r.originalCrashTitle());
        }
        if (r.crashTitle() != null && !r.crashTitle().isBlank()) {
            return firstLine(r.crashTitle());
        }
        if (s.title() != null && !s.title().isBlank()) {
            return s.title();
        }
        return "an unknown crash";
    }

    private Map<String, Object> crash(Crash c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        Excerpt e = excerpt(c.report(), c.truncated());
        m.put("excerpt", e.text());
        m.put("excerptCut", e.cut());
        m.put("reportLines", c.report().isEmpty() ? 0 : c.report().split("\n", -1).length);
        return m;
    }

    private static Map<String, Object> commit(BisectionReport r) {
        Commit c = r.culprit();
        String hash = c != null ? c.hash() : r.culpritHash();
        if (hash == null) {
            return null;
        }
        Map<String, Object> m = hash(hash);
        String title = c != null && !c.title().isEmpty() ? c.title() : r.culpritTitle();
        m.put("title", title == null ? "" : title);
        if (c != null) {
            put(m, "author", c.author());
            put(m, "authorName", c.authorName());
            put(m, "authorEmail", c.authorEmail());
            put(m, "date", c.date());
            m.put("merge", c.isMerge());
        } else {
            m.put("merge", false);
        }
        return m;
    }

    private static Map<String, Object> hash(String h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", h);
        m.put("shortHash", h.substring(0, Math.min(12, h.length())));
        return m;
    }

    private static Map<String, Object> links(Sidecar.Links l) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "dashboard", l.dashboard());
        put(m, "log", l.log());
        put(m, "kernelConfig", l.kernelConfig());
        put(m, "reproC", l.reproC());
        put(m, "reproSyz", l.reproSyz());
        return m;
    }

    /** The tags to suggest; {@code Fixes:} only when the result states no doubt beyond context. */
    private static Map<String, Object> tags(Map<String, Object> commit, boolean confident, String reportedBy, Sidecar s) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "reportedBy", reportedBy);
        if (commit != null && confident) {
            m.put("fixes", commit.get("shortHash") + " (\"" + commit.get("title") + "\")");
        }
        put(m, "closes", s.links().dashboard());
        return m;
    }

    /** A recipient as the templates see it: address, name (when it has one), field and reasons. */
    public static Map<String, Object> recipient(Recipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        put(m, "name", r.name());
        m.put("field", r.field().id());
        m.put("reasons", r.reasons());
        return m;
    }

    /** Recipients grouped by their strongest reason, groups in order of first appearance. */
    private static List<Map<String, Object>> groups(List<Recipient> recipients) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Recipient r : recipients) {
            String reason = r.reasons().isEmpty() ? "named for this report" : r.reasons().get(0);
            byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(r.address());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byReason.forEach((reason, addresses) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("reason", reason);
            g.put("addresses", List.copyOf(addresses));
            out.add(g);
        });
        return out;
    }

    private record Excerpt(String text, boolean cut) {}

    /** At most the configured lines and characters of {@code text}, cut at a line end when possible. */
    private Excerpt excerpt(String text, boolean alreadyCut) {
        String t = text.strip();
        boolean cut = alreadyCut;
        String[] lines = t.split("\n", -1);
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (String line : lines) {
            if (n == settings.excerptLines()) {
                cut = true;
                break;
            }
            if (b.length() + line.length() + 1 > settings.excerptChars()) {
                if (n == 0) {
                    b.append(line, 0, settings.excerptChars()).append('\n');
                }
                cut = true;
                break;
            }
            b.append(line).append('\n');
            n++;
        }
        return new Excerpt(b.toString().stripTrailing(), cut);
    }

    /**
     * Wraps at spaces to {@code width} columns; continuation lines start with {@code indent}. A
     * word longer than the width stays whole on its own line.
     */
    static String wrap(String text, int width, String indent) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : text.strip().split(" +")) {
            if (col > 0 && col + 1 + word.length() > width) {
                out.append('\n').append(indent);
                col = indent.length();
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}

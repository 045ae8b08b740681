package dev.culprit.parse;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Crash;
import dev.culprit.model.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines after one {@code revisions tested:} summary: the result record and what belongs to
 * it. The last element (an error text, a crash report) runs to the end of the log.
 */
final class ResultLines {
    private static final Pattern FIRST_COMMIT = Pattern.compile("^first (bad|good) commit: ([0-9a-f]{40})(?: (.*))?$");
    private static final Pattern INCONCLUSIVE = Pattern.compile("^bisection is inconclusive, the first (bad|good) commit could be any of:?\\s*$");
    private static final Pattern HASH_LINE = Pattern.compile("^([0-9a-f]{40})(?:\\s.*)?$");
    private static final String ERROR = "error:";
    private static final String CRASH = "crash:";
    private static final String COMMIT_MSG = "commit msg:";
    /** A record's value follows its colon after one space. */
    private static final String SPACE = " ";

    private enum Kind { NONE, ERROR, CULPRIT, INCONCLUSIVE, NOT_FOUND }

    /** What may follow {@code first bad|good commit:}. */
    private static final LineRules<ResultLines> AFTER_CULPRIT = LineRules.<ResultLines>builder()
            .on("cc: ", (r, line, end) -> r.cc = r.recipients(line, end))
            .on("recipients (to): ", (r, line, end) -> r.to = r.recipients(line, end))
            .on("recipients (cc): ", (r, line, end) -> r.cc = r.recipients(line, end))
            .onIf(CRASH, (r, line, end) -> r.crash(line, end))
            .build();

    /** What may follow a not-found wording. */
    private static final LineRules<ResultLines> AFTER_NOT_FOUND = LineRules.<ResultLines>builder()
            .on(COMMIT_MSG, (r, line, end) -> r.notFoundTitle = valueAfter(line, end))
            .onIf(CRASH, (r, line, end) -> r.crash(line, end))
            .build();

    private final LogContext log;
    private final int crashReportLimit;
    private final int textLimit;
    /** The commit git named in its {@code <h> is the first bad commit} line before the summary, or null. */
    private final String gitCulprit;
    /** The first line after the summary that was not a result record, or 0. */
    private long unreadableLine;
    /** Whether an unreadable line after the summary names {@link #gitCulprit}. */
    private boolean unreadableNamesGitCulprit;
    private Kind kind = Kind.NONE;
    private long line;
    private BisectionType type;
    private String culpritHash;
    private String culpritTitle;
    private List<String> to;
    private List<String> cc;
    private List<String> inconclusive;
    private String notFoundTitle;
    private String crashTitle;
    private BoundedText crashReport;
    private BoundedText errorText;
    /** The text that takes every further line, once an error text or a crash report started. */
    private BoundedText sink;

    ResultLines(LogContext log, int crashReportLimit, int textLimit, String gitCulprit) {
        this.log = log;
        this.crashReportLimit = crashReportLimit;
        this.textLimit = textLimit;
        this.gitCulprit = gitCulprit;
    }

    /**
     * Whether {@code text} opens a culprit result that agrees with git: {@code first bad|good
     * commit: <h>} where {@code <h>} is the commit git named the first bad commit.
     */
    static boolean agreesWithGit(String text, String gitCulprit) {
        if (gitCulprit == null || !text.startsWith("first ")) {
            return false;
        }
        Matcher m = FIRST_COMMIT.matcher(text);
        return m.matches() && m.group(2).equals(gitCulprit);
    }

    BoundedText textSink() {
        return sink;
    }

    void accept(String text) {
        if (sink != null) {
            sink.appendLine(text);
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        switch (kind) {
            case NONE -> start(text);
            case CULPRIT -> {
                if (!AFTER_CULPRIT.read(this, text)) {
                    log.problem("unexpected line after \"first " + (type == BisectionType.FIX ? "good" : "bad")
                            + " commit\": " + Scan.abbreviate(text));
                }
            }
            case INCONCLUSIVE -> candidate(text);
            case NOT_FOUND -> {
                if (!AFTER_NOT_FOUND.read(this, text)) {
                    log.problem("unexpected line in a not-found result: " + Scan.abbreviate(text));
                }
            }
            default -> log.problem("unexpected line after the result: " + Scan.abbreviate(text));
        }
    }

    private void start(String text) {
        line = log.line();
        if (text.startsWith(ERROR)) {
            kind = Kind.ERROR;
            errorText = new BoundedText(textLimit);
            errorText.appendLine(valueAfter(text, ERROR.length()));
            sink = errorText;
            return;
        }
        Matcher m = FIRST_COMMIT.matcher(text);
        if (m.matches()) {
            kind = Kind.CULPRIT;
            type = typeOf(m.group(1));
            culpritHash = m.group(2);
            culpritTitle = m.group(3) == null ? "" : m.group(3);
            return;
        }
        m = INCONCLUSIVE.matcher(text);
        if (m.matches()) {
            kind = Kind.INCONCLUSIVE;
            type = typeOf(m.group(1));
            inconclusive = new ArrayList<>();
            return;
        }
        BisectionType notFound = notFoundWording(text);
        if (notFound != null) {
            kind = Kind.NOT_FOUND;
            type = notFound;
            return;
        }
        line = 0;
        if (recovered(text)) {
            return;
        }
        log.problem("not a result line after the summary: " + Scan.abbreviate(text));
        if (unreadableLine == 0) {
            unreadableLine = log.line();
        }
        unreadableNamesGitCulprit |= gitCulprit != null && text.contains(gitCulprit);
    }

    /**
     * A recipient list or the crash after unreadable lines that name the commit git found: the
     * result line was damaged, yet the log goes on past it, so the culprit is git's. The
     * unreadable line is kept as a problem; then {@code text} is read as a line after the culprit.
     */
    private boolean recovered(String text) {
        if (!unreadableNamesGitCulprit || AFTER_CULPRIT.rules().stream().noneMatch(r -> text.startsWith(r.prefix()))) {
            return false;
        }
        kind = Kind.CULPRIT;
        line = unreadableLine;
        culpritHash = gitCulprit;
        culpritTitle = "";
        log.problem(unreadableLine, "the result line is unreadable; the culprit is " + gitCulprit
                + ", the first bad commit git named, as that line names it and the result goes on after it");
        accept(text);
        return true;
    }

    /**
     * The wordings of "no commit found": the fix side names HEAD or a crash that is still not
     * fixed, the cause side the oldest tested release. Null for any other line.
     */
    static BisectionType notFoundWording(String text) {
        if (text.startsWith(CRASH + SPACE) || text.startsWith(COMMIT_MSG) || text.startsWith(ERROR)) {
            return null;
        }
        if (text.contains("oldest tested release") && (text.contains("already") || text.contains("had the bug"))) {
            return BisectionType.CAUSE;
        }
        if (text.contains("still happens on HEAD") || text.startsWith("crash still not fixed")
                || text.startsWith("the crash still happens")) {
            return BisectionType.FIX;
        }
        return null;
    }

    /** {@code first bad} and the inconclusive {@code first bad} speak of a cause bisection. */
    private static BisectionType typeOf(String badOrGood) {
        return badOrGood.equals("bad") ? BisectionType.CAUSE : BisectionType.FIX;
    }

    private void candidate(String text) {
        Matcher m = HASH_LINE.matcher(text);
        if (!m.matches()) {
            log.problem("not a commit hash in the inconclusive list: " + Scan.abbreviate(text));
        } else if (inconclusive.size() < Scan.MAX_LIST) {
            inconclusive.add(m.group(1));
        }
    }

    /** {@code crash: <title>}, or a bare {@code crash:}; the report runs to the end of the log. */
    private boolean crash(String text, int end) {
        if (text.length() != end && !text.startsWith(SPACE, end)) {
            return false;
        }
        crashTitle = valueAfter(text, end);
        crashReport = new BoundedText(crashReportLimit);
        sink = crashReport;
        return true;
    }

    /** The value after a record's colon: from {@code end} on, without the one space that follows the colon. */
    private static String valueAfter(String text, int end) {
        return text.startsWith(SPACE, end) ? text.substring(end + SPACE.length()) : text.substring(end);
    }

    private List<String> recipients(String text, int end) {
        String list = text.substring(end);
        try {
            return Scan.capped(GoLists.parseQuoted(list.strip()));
        } catch (GoLists.MalformedListException e) {
            log.problem("recipient list not readable (" + e.getMessage() + "): " + Scan.abbreviate(list));
            return Scan.capped(e.partial());
        }
    }

    BisectionType type() {
        return type;
    }

    /** The line of the result record, or 0 when there is none. */
    long line() {
        return line;
    }

    String culpritHash() {
        return culpritHash;
    }

    /** The log ends inside line {@code last}: a one-line result record there is incomplete. */
    void cutAt(long last) {
        if (line == last && (kind == Kind.CULPRIT || kind == Kind.INCONCLUSIVE || kind == Kind.NOT_FOUND)) {
            log.problem(line, "the result line is cut: the log ends in the middle of it");
            kind = Kind.NONE;
            culpritHash = null;
            culpritTitle = null;
            inconclusive = null;
        }
    }

    /** The outcome for a bisection of {@code bisectionType}, or null when there is no result. */
    Outcome outcome(BisectionType bisectionType) {
        return switch (kind) {
            case ERROR -> Outcome.ERROR;
            case CULPRIT -> bisectionType == BisectionType.FIX ? Outcome.FIX : Outcome.CULPRIT;
            case INCONCLUSIVE -> Outcome.INCONCLUSIVE;
            case NOT_FOUND -> bisectionType == BisectionType.FIX ? Outcome.NOT_FIXED_ON_HEAD : Outcome.OLDEST_RELEASE_HAS_BUG;
            case NONE -> null;
        };
    }

    void checkComplete() {
        if (kind == Kind.CULPRIT && cc == null && to == null) {
            log.problem(line, "no recipient list after \"first bad|good commit\"");
        }
        if (kind == Kind.INCONCLUSIVE && inconclusive.isEmpty()) {
            log.problem(line, "no candidate commits after \"bisection is inconclusive\"");
        }
    }

    void into(BisectionReport.Builder report) {
        report.culpritHash(culpritHash).culpritTitle(culpritTitle).inconclusiveCommits(inconclusive).to(to).cc(cc)
                .notFoundCommitTitle(notFoundTitle).crash(crashTitle == null ? null
                        : new Crash(crashTitle, crashReport.text(), crashReport.truncated(), crashReport.length()));
        if (errorText != null) {
            report.errorMessage(errorText.text());
            if (errorText.truncated()) {
                log.problem(line, "error text of " + errorText.length() + " characters cut to " + textLimit);
            }
        }
    }
}

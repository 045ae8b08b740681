package dev.culprit.parse;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header: {@code <host> starts bisection <time>}, {@code bisecting cause|fixing commit ...},
 * {@code building syzkaller on ...}, and the records about the start commit that follow.
 */
final class HeaderReader {
    private static final Pattern HOST_LINE = Pattern.compile("^(.+) starts bisection (.+)$");
    private static final Pattern BISECTING = Pattern.compile("^bisecting (cause|fixing) commit (?:starting from|since) (\\S+)");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern HASH_CUT_SHORT = Pattern.compile("[0-9a-f]{1,39}");

    private final LogContext log;
    private String host;
    private String startTime;
    private String startCommit;
    private String syzkallerCommit;
    private BisectionType type;
    private boolean seen;
    private long line;
    private long hostLine;

    HeaderReader(LogContext log) {
        this.log = log;
    }

    static void addRules(LineRules.Builder<LogReading> rules) {
        rules.onIf("bisecting ", (r, line, end) -> r.header.bisecting(line))
                .on("building syzkaller on ", (r, line, end) -> r.header.syzkaller(line, end))
                .on("rewritten commit ", (r, line, end) -> {
                    r.tests.close();
                    r.log.info(line);
                })
                .on("ensuring issue is reproducible", (r, line, end) -> r.tests.close());
    }

    /** {@code bisecting cause|fixing commit starting from|since <h>}. */
    private boolean bisecting(String text) {
        Matcher m = BISECTING.matcher(text);
        if (!m.find()) {
            return false;
        }
        if (seen) {
            log.problem("a second \"bisecting\" line; the first one is kept");
            return true;
        }
        seen = true;
        line = log.line();
        type = m.group(1).equals("cause") ? BisectionType.CAUSE : BisectionType.FIX;
        String start = m.group(2);
        if (HASH.matcher(start).matches()) {
            startCommit = start;
        } else if (HASH_CUT_SHORT.matcher(start).matches()) {
            // a hash cut short (the log was cut inside this line): naming it would name another commit
            log.problem("start commit is cut short: " + start);
        } else {
            startCommit = start;
            log.problem("start commit is not a 40-hex hash: " + start);
        }
        return true;
    }

    private void syzkaller(String text, int end) {
        if (syzkallerCommit == null) {
            syzkallerCommit = text.substring(end).strip();
        }
    }

    /** {@code <host> starts bisection <time>}, read only before anything else. */
    boolean hostLine(String text, boolean nothingTestedYet) {
        if (seen || !nothingTestedYet || host != null) {
            return false;
        }
        Matcher m = HOST_LINE.matcher(text);
        if (!m.matches()) {
            return false;
        }
        host = m.group(1);
        startTime = m.group(2);
        hostLine = log.line();
        return true;
    }

    boolean seen() {
        return seen;
    }

    /** The type the {@code bisecting} line names, or null. */
    BisectionType type() {
        return type;
    }

    /** The log ends inside its last line, {@code last}: a header record there is incomplete. */
    void lastLineCut(long last) {
        if (line == last) {
            log.problem(last, "the \"bisecting\" line is cut: the start commit is unknown");
            startCommit = null;
        }
        if (hostLine == last) {
            host = null;
            startTime = null;
        }
    }

    void into(BisectionReport.Builder report) {
        report.host(host).startTime(startTime).startCommit(startCommit).syzkallerCommit(syzkallerCommit);
    }
}

package dev.culprit.parse;

import dev.culprit.model.Minimization;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Config minimization in its three generations (config-bisect.pl, kconfig halving, the slice
 * minimizer) and instrumentation dropping. Each record closes the open test block; most also mark
 * the blocks that follow as minimization runs.
 */
final class MinimizationReader {
    private static final Pattern KCONFIG = Pattern.compile("^kconfig minimization: base=(\\d+) full=(\\d+) (?:leaves )?diff=(\\d+)");
    private static final Pattern MINIMIZED_TO = Pattern.compile("^minimized to (\\d+) configs(?:; suspects: (.*))?$");
    private static final Pattern DISABLING = Pattern.compile("^disabling configs for (\\[.*\\])(?:, they are not needed)?$");
    /** config-bisect.pl's records start with this; the outcome keeps the text after it. */
    private static final String SCRIPT_RECORD = "# ";
    private static final String RESULTING_CONFIGS = "resulting configs";

    private final Phases phases;
    private final LogContext log;
    private final TestBlockReader tests;
    private boolean seen;
    private Integer base;
    private Integer full;
    private Integer diff;
    private Integer minimizedTo;
    private List<String> suspects = List.of();
    private List<String> dropped = List.of();
    private List<String> pendingDisabled = List.of();
    private String outcome;

    MinimizationReader(LogContext log, Phases phases, TestBlockReader tests) {
        this.log = log;
        this.phases = phases;
        this.tests = tests;
    }

    static void addRules(LineRules.Builder<LogReading> rules) {
        rules.on("kconfig minimization: ", (r, line, end) -> r.minimization.kconfig(line))
                .on(RESULTING_CONFIGS + ": ", (r, line, end) -> r.minimization.resultingConfigs(line, end))
                .on("# found config option changes ", (r, line, end) -> r.minimization.suspects(line, end))
                .on("minimized to ", (r, line, end) -> r.minimization.minimizedTo(line))
                .on("disabling configs for ", (r, line, end) -> r.minimization.disabling(line))
                .on("the bug reproduces without the instrumentation", (r, line, end) -> r.minimization.dropped(line))
                .on((r, line, end) -> r.minimization.outcome(line.substring(SCRIPT_RECORD.length())),
                        "# configuration already minimized", "# testing with generated minimized config")
                .on("config minimization failed", (r, line, end) -> {
                    r.minimization.outcome(line);
                    r.log.info(line);
                })
                .on((r, line, end) -> r.minimization.outcome(line), "crash reproduces with baseline config", "testing baseline config failed",
                        "testing with generated minimized config", "there was nothing we could disable",
                        "base config crashes", "both halves did not crash", "minimizing config failed",
                        "Minimizing config failed", "unable to test using baseline config", "only full config crashes")
                .on((r, line, end) -> r.minimization.step(), "check whether we can drop unnecessary instrumentation",
                        "trying half: ", "testing without sub-chunk", "# start config bisection", "# using config_bisect",
                        "# config", "split chunk", "we have reached the limit on predicate runs")
                .on((r, line, end) -> r.tests.close(), "the chunk can be dropped", "no way to further split",
                        "no need to test this chunk", "proceeding with the original config");
    }

    /** A minimization record without a value of its own. */
    private void step() {
        tests.close();
        seen = true;
        phases.minimization();
    }

    /** A record that says how minimization went, kept as the outcome. */
    private void outcome(String text) {
        step();
        outcome = text;
    }

    /** {@code kconfig minimization: base=N full=N [leaves ]diff=N}. */
    private void kconfig(String line) {
        step();
        Matcher m = KCONFIG.matcher(line);
        if (m.find()) {
            base = log.parseInt(m.group(1));
            full = log.parseInt(m.group(2));
            diff = log.parseInt(m.group(3));
        }
    }

    private void resultingConfigs(String line, int end) {
        suspects(line, end);
        outcome = RESULTING_CONFIGS;
    }

    /** A record that names the suspect configs from {@code end} on. */
    private void suspects(String line, int end) {
        step();
        keepSuspects(line.substring(end));
    }

    private void keepSuspects(String list) {
        List<String> l = GoLists.parsePlain(list);
        if (l != null) {
            suspects = Scan.capped(l);
        }
    }

    /** {@code minimized to N configs[; suspects: [...]]}. */
    private void minimizedTo(String line) {
        step();
        Matcher m = MINIMIZED_TO.matcher(line);
        if (m.matches()) {
            minimizedTo = log.parseInt(m.group(1));
            outcome = "minimized to " + m.group(1) + " configs";
            if (m.group(2) != null) {
                keepSuspects(m.group(2));
            }
        }
    }

    /** {@code disabling configs for [...]}: printed before each predicate run, kept until it pays off. */
    private void disabling(String line) {
        tests.close();
        Matcher m = DISABLING.matcher(line);
        if (m.matches()) {
            List<String> l = GoLists.parsePlain(m.group(1));
            pendingDisabled = l == null ? List.of() : Scan.capped(l);
        }
    }

    private void dropped(String line) {
        step();
        dropped = pendingDisabled;
        outcome = line;
    }

    /** What minimization reported, or null when none ran. */
    Minimization result() {
        return seen ? new Minimization(base, full, diff, minimizedTo, suspects, dropped, outcome) : null;
    }
}

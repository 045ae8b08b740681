package dev.culprit.cli;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Assessor;
import dev.culprit.assess.Confusion;
import dev.culprit.assess.LabelledEvaluation;
import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.Assessment;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code culprit assess-report [--labels FILE] LOGDIR}: how the configured assessment policy does
 * on bisection logs whose culprit is known to be right or wrong, next to syzbot's own gate.
 * {@code culprit calibrate} fits a policy to the same logs.
 */
@Command(
        name = "assess-report",
        description = {
            "Assesses labelled bisection logs and prints the confusion table (mailed right, mailed wrong,"
                    + " held right, held wrong) of the configured policy next to syzbot's own gate.",
            "Exit status: 0 when the report was printed, 1 when a log or the labels could not be read,"
                    + " 2 on a usage or configuration error."
        })
final class AssessReportCommand implements Callable<Integer> {
    static final double GOAL_HELD_WRONG = 2.0 / 3;
    static final double GOAL_MAILED_RIGHT = 0.9;
    static final double GOAL_UNSTATED_WRONG = 0.05;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @CommandLine.Mixin
    LabelledLogsOptions logs;

    @Option(names = "--list", description = "Also print one line per log: label, verdict, score and signals.")
    boolean list;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        CulpritConfig config = global.loadConfig();
        List<LabelledLogs.Log> read = logs.load(config, spec.commandLine().getErr());
        if (read == null) {
            return 1;
        }
        AssessPolicy policy = config.assess();
        LabelledEvaluation eval = LabelledLogs.evaluate(read, new Assessor(policy));
        out.print(eval.format(policy));
        out.println();
        out.println(goal("culprit policy", eval.policy()));
        out.println(goal("syzbot's gate", eval.syzbot()));
        if (list) {
            out.println();
            for (LabelledEvaluation.Entry e : eval.entries()) {
                Assessment a = e.assessment();
                out.println(String.format(Locale.ROOT, "%s %s %s %s %.3f %s", e.log(), e.right() ? "right" : "wrong",
                        e.syzbotState(), a.verdict().id(), a.score(), String.join(",", e.raised().keySet())));
            }
        }
        out.flush();
        return 0;
    }

    /** Whether a table meets the goal: hold two thirds of the wrong culprits, mail 90% of the right ones, state a doubt on all but 5% of the mailed wrong ones. */
    static String goal(String name, Confusion c) {
        return String.format(Locale.ROOT, "goal (hold >= 2/3 of wrong culprits, mail >= 90%% of right ones,"
                + " mail < 5%% of wrong ones with no doubt stated): %s %s",
                c.meets(GOAL_HELD_WRONG, GOAL_MAILED_RIGHT, GOAL_UNSTATED_WRONG) ? "met by" : "NOT met by", name);
    }
}

package dev.culprit.cli;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.assess.Assessor;
import dev.culprit.assess.Confusion;
import dev.culprit.assess.CrossValidation;
import dev.culprit.assess.LabelledEvaluation;
import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.parse.LogParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code culprit assess-report [--labels FILE] LOGDIR}: how the configured assessment policy does
 * on bisection logs whose culprit is known to be right or wrong, next to syzbot's own gate.
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
    private static final Logger log = LoggerFactory.getLogger(AssessReportCommand.class);
    static final double GOAL_HELD_WRONG = 2.0 / 3;
    static final double GOAL_MAILED_RIGHT = 0.9;
    /** The training parts must mail at least this share of their right culprits: a margin above the goal. */
    static final double TRAINING_MAILED_RIGHT = 0.92;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "LOGDIR", description = "Directory holding <log>.txt for every labelled log.")
    Path dir;

    @Option(names = "--labels", paramLabel = "FILE", description = "Labels CSV (default: LOGDIR/labels.csv).")
    Path labels;

    @Option(names = "--list", description = "Also print one line per log: label, verdict, score and signals.")
    boolean list;

    @Option(names = "--cross-validate", description = "Also choose the weights of the doubt signals on part of the"
            + " logs and judge them on the rest: leave-one-out, and k-fold repeated with different shuffles.")
    boolean crossValidate;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds of the k-fold check (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "10", description = "Shuffles of the k-fold check (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (folds < 2 || repeats < 1) {
            err.println("culprit: --folds must be at least 2 and --repeats at least 1");
            return 2;
        }
        CulpritConfig config = global.loadConfig();
        Path labelsFile = labels != null ? labels : dir.resolve("labels.csv");
        List<LabelsFile.Label> rows;
        try {
            rows = LabelsFile.read(labelsFile);
        } catch (NoSuchFileException e) {
            err.println("culprit: " + labelsFile + ": no such file");
            return 1;
        } catch (IOException e) {
            err.println("culprit: " + labelsFile + ": cannot read: " + e.getMessage());
            return 1;
        } catch (LabelsFile.LabelsException e) {
            err.println("culprit: " + e.getMessage());
            return 1;
        }
        AssessPolicy policy = config.assess();
        LabelledEvaluation eval;
        try {
            eval = evaluate(dir, labelsFile, rows, new LogParser(config.parse().crashReportLimit()), new Assessor(policy));
        } catch (IOException e) {
            err.println("culprit: " + e.getMessage());
            return 1;
        }
        out.print(eval.format(policy));
        out.println();
        out.println(goal("culprit policy", eval.policy()));
        out.println(goal("syzbot's gate", eval.syzbot()));
        if (crossValidate) {
            out.println();
            crossValidate(out, policy, eval);
        }
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

    /** Parses and assesses {@code <dir>/<log>.txt} for every labelled row. */
    static LabelledEvaluation evaluate(Path dir, Path labelsFile, List<LabelsFile.Label> rows, LogParser parser,
            Assessor assessor) throws IOException {
        List<LabelledEvaluation.Entry> entries = new ArrayList<>();
        for (LabelsFile.Label row : rows) {
            Path file = dir.resolve(row.log().endsWith(".txt") ? row.log() : row.log() + ".txt");
            BisectionReport report;
            try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE))) {
                report = parser.parse(r).report();
            } catch (NoSuchFileException e) {
                throw new IOException(labelsFile + ":" + row.line() + ": no log " + file, e);
            } catch (IOException e) {
                throw new IOException(file + ": cannot read: " + e.getMessage(), e);
            }
            entries.add(new LabelledEvaluation.Entry(row.log(), row.syzbotState(), row.right(),
                    assessor.findings(report), assessor.assess(report),
                    report.culprit() == null ? null : report.culprit().date()));
            log.debug("assessed {}", file);
        }
        return new LabelledEvaluation(entries);
    }

    private void crossValidate(PrintWriter out, AssessPolicy policy, LabelledEvaluation eval) {
        CrossValidation cv = new CrossValidation(policy, CrossValidation.TUNED, CrossValidation.LEVELS, TRAINING_MAILED_RIGHT);
        List<CrossValidation.Case> cases = eval.cases();
        out.println("cross-validation: the weights of " + String.join(", ", CrossValidation.TUNED)
                + " are chosen from " + levels() + " on the training part (mail at least "
                + percent(TRAINING_MAILED_RIGHT) + " of its right culprits, then the most wrong held plus right mailed)"
                + " and judged on the held-out part");
        AssessPolicy fitted = cv.fit(cases);
        out.println("chosen on all logs: " + CrossValidation.TUNED.stream()
                .map(s -> s + "=" + fitted.weight(s)).collect(Collectors.joining(", ")));
        out.println();
        Confusion loo = cv.leaveOneOut(cases);
        out.print(loo.format("leave-one-out"));
        out.println(goal("leave-one-out", loo));
        out.println();
        Confusion kfold = Confusion.empty();
        for (int seed = 1; seed <= repeats; seed++) {
            kfold = kfold.plus(cv.kFold(cases, folds, seed));
        }
        out.print(kfold.format(folds + "-fold, " + repeats + " shuffles (each log judged " + repeats + " times)"));
        out.println(goal(folds + "-fold", kfold));
        List<LabelledEvaluation.Entry> dated = eval.byCulpritDate();
        if (dated.size() >= 4) {
            int half = dated.size() / 2;
            List<CrossValidation.Case> older = LabelledEvaluation.cases(dated.subList(0, half));
            List<CrossValidation.Case> newer = LabelledEvaluation.cases(dated.subList(half, dated.size()));
            out.println();
            Confusion forward = cv.trainTest(older, newer);
            out.print(forward.format("chosen on the " + older.size() + " logs with the oldest culprits, judged on the "
                    + newer.size() + " newest"));
            out.println(goal("older to newer", forward));
            out.println();
            Confusion backward = cv.trainTest(newer, older);
            out.print(backward.format("chosen on the " + newer.size() + " logs with the newest culprits, judged on the "
                    + older.size() + " oldest"));
            out.println(goal("newer to older", backward));
        }
    }

    static String goal(String name, Confusion c) {
        return String.format(Locale.ROOT, "goal (hold >= 2/3 of wrong culprits, mail >= 90%% of right ones): %s %s",
                c.meets(GOAL_HELD_WRONG, GOAL_MAILED_RIGHT) ? "met by" : "NOT met by", name);
    }

    private static String levels() {
        StringBuilder b = new StringBuilder("{");
        for (double l : CrossValidation.LEVELS) {
            b.append(b.length() > 1 ? ", " : "").append(l);
        }
        return b.append('}').toString();
    }

    private static String percent(double r) {
        return String.format(Locale.ROOT, "%.0f%%", r * 100);
    }
}

package dev.culprit.cli;

import dev.culprit.assess.Assessor;
import dev.culprit.assess.Blames;
import dev.culprit.assess.LabelledEvaluation;
import dev.culprit.config.CulpritConfig;
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

/**
 * The labelled logs of a directory in the corpus layout ({@code <log>.txt} beside a labels CSV),
 * parsed, with the number of other labelled logs that blamed the same commit for a different
 * crash: a corpus has no arrival order, so every other log counts.
 */
final class LabelledLogs {
    /** One parsed labelled log. */
    record Log(LabelsFile.Label label, BisectionReport report, int otherBlames) {}

    private LabelledLogs() {}

    /** Reads the labels and their logs; on an error, says which file and line to {@code err} and returns null. */
    static List<Log> load(Path dir, Path labels, CulpritConfig config, PrintWriter err) {
        Path labelsFile = labels != null ? labels : dir.resolve("labels.csv");
        try {
            return read(dir, labelsFile, LabelsFile.read(labelsFile), new LogParser(config.parse().crashReportLimit()));
        } catch (NoSuchFileException e) {
            err.println("culprit: " + labelsFile + ": no such file");
        } catch (LabelsFile.LabelsException e) {
            err.println("culprit: " + e.getMessage());
        } catch (IOException e) {
            err.println("culprit: " + e.getMessage());
        }
        return null;
    }

    /** Parses {@code <dir>/<log>.txt} for every labelled row. */
    static List<Log> read(Path dir, Path labelsFile, List<LabelsFile.Label> rows, LogParser parser) throws IOException {
        List<BisectionReport> reports = new ArrayList<>();
        List<Blames.Blame> blames = new ArrayList<>();
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
            reports.add(report);
            blames.add(new Blames.Blame(Blames.culprit(report), Blames.crash(report)));
        }
        int[] others = Blames.others(blames);
        List<Log> logs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            logs.add(new Log(rows.get(i), reports.get(i), others[i]));
        }
        return logs;
    }

    /** Every log assessed by {@code assessor}, knowing how often its commit was blamed by the others. */
    static LabelledEvaluation evaluate(List<Log> logs, Assessor assessor) {
        List<LabelledEvaluation.Entry> entries = new ArrayList<>();
        for (Log l : logs) {
            entries.add(new LabelledEvaluation.Entry(l.label().log(), l.label().syzbotState(), l.label().right(),
                    assessor.findings(l.report(), l.otherBlames()), assessor.assess(l.report(), l.otherBlames()),
                    culprit(l.report())));
        }
        return new LabelledEvaluation(entries);
    }

    private static String culprit(BisectionReport r) {
        return r.culpritHash() != null ? r.culpritHash() : r.culprit() == null ? null : r.culprit().hash();
    }
}

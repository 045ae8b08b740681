package dev.culprit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A labels CSV ({@code log,syzbot_state,culprit,ground_truth,culprit_is_ground_truth}): for each
 * log, syzbot's own state and whether its culprit was the true one. Rows whose
 * {@code culprit_is_ground_truth} is empty are not labelled and are left out.
 */
final class LabelsFile {
    static final String LOG = "log";
    static final String STATE = "syzbot_state";
    static final String RIGHT = "culprit_is_ground_truth";

    /** One labelled row; {@code line} is 1-based. */
    record Label(String log, String syzbotState, boolean right, int line) {}

    /** Thrown for a malformed file; the message names the file and line. */
    static final class LabelsException extends Exception {
        LabelsException(String message) {
            super(message);
        }
    }

    private LabelsFile() {}

    static List<Label> read(Path file) throws IOException, LabelsException {
        List<Label> labels = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new LabelsException(file + ":1: empty file; expected a header with " + LOG + ", " + STATE + ", " + RIGHT);
            }
            List<String> columns = Arrays.asList(header.strip().split(",", -1));
            int log = column(file, columns, LOG);
            int state = column(file, columns, STATE);
            int right = column(file, columns, RIGHT);
            int n = 1;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split(",", -1);
                if (f.length != columns.size()) {
                    throw new LabelsException(file + ":" + n + ": " + f.length + " fields, the header has " + columns.size());
                }
                switch (f[right]) {
                    case "true", "false" -> labels.add(new Label(f[log], f[state], f[right].equals("true"), n));
                    case "" -> { }
                    default -> throw new LabelsException(file + ":" + n + ": " + RIGHT
                            + " must be true, false or empty: " + f[right]);
                }
            }
        }
        return labels;
    }

    private static int column(Path file, List<String> columns, String name) throws LabelsException {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new LabelsException(file + ":1: no column " + name + " in the header");
        }
        return i;
    }
}

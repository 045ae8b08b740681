package dev.culprit.parse;

import dev.culprit.model.RunVerdict;
import dev.culprit.model.RunVerdict.Kind;

/** Reads the verdict text of {@code run #N: <verdict>} and {@code all runs: <verdict>}. */
final class Verdicts {
    /** A verdict wording: the prefix before its detail and the kind it stands for. */
    private record Form(String prefix, Kind kind) {}

    private static final String OK = "OK";
    private static final Form[] FORMS = {
        new Form("crashed: ", Kind.CRASHED),
        new Form("boot failed: ", Kind.BOOT_FAILED),
        new Form("basic kernel testing failed: ", Kind.TEST_FAILED),
        new Form("infra problem: ", Kind.INFRA),
        new Form("ignore: ", Kind.IGNORE),
        new Form("failed building ", Kind.BUILD_FAILED),
        new Form("failed: ", Kind.OTHER),
    };

    /** {@code all runs: OK} and {@code run #0: OK} .. {@code run #39: OK}: values, so shared. */
    private static final RunVerdict[] OK_VERDICTS = new RunVerdict[41];

    static {
        for (int i = 0; i < OK_VERDICTS.length; i++) {
            OK_VERDICTS[i] = new RunVerdict(i - 1, Kind.OK, "");
        }
    }

    private Verdicts() {}

    /** Reads the verdict string that starts at {@code from} ({@code OK}, {@code crashed: <title>}, ...). */
    static RunVerdict read(int run, String line, int from) {
        return read(run, line, from, null);
    }

    /**
     * As {@link #read(int, String, int)}; when the detail equals {@code previous}'s (runs of the
     * same revision usually crash the same way) that string is reused instead of a new copy. Any
     * other text is kept whole as an {@link Kind#OTHER} verdict.
     */
    static RunVerdict read(int run, String line, int from, RunVerdict previous) {
        if (line.length() - from == OK.length() && line.startsWith(OK, from)) {
            return run >= -1 && run < OK_VERDICTS.length - 1 ? OK_VERDICTS[run + 1] : new RunVerdict(run, Kind.OK, "");
        }
        Kind kind = Kind.OTHER;
        int detail = from;
        for (Form f : FORMS) {
            if (line.startsWith(f.prefix, from)) {
                kind = f.kind;
                detail = from + f.prefix.length();
                break;
            }
        }
        String text;
        int len = line.length() - detail;
        if (previous != null && previous.kind() == kind && previous.detail().length() == len
                && line.regionMatches(detail, previous.detail(), 0, len)) {
            text = previous.detail();
        } else {
            text = line.substring(detail);
        }
        return new RunVerdict(run, kind, text);
    }
}

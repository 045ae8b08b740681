package dev.culprit.parse;

import dev.culprit.model.Phase;
import dev.culprit.model.RunVerdict;
import dev.culprit.model.TestedRevision;
import java.util.ArrayList;
import java.util.List;

/** Collects one {@code testing commit} block while it is being read. */
final class RevisionBuilder {
    /** Where the block is: which lines still belong to it. */
    enum State {
        /** After {@code testing commit}: compiler, signature, a build error or verdicts may follow. */
        DETAILS,
        /** Inside a build error text: unrecognised lines are part of it. */
        BUILD_ERROR,
        /** After the first verdict. */
        VERDICTS
    }

    final String hash;
    final Phase phase;
    final String release;
    final long line;
    String compiler;
    String signature;
    State state = State.DETAILS;
    final List<RunVerdict> verdicts = new ArrayList<>(20);
    private BoundedText buildError;
    private final int buildErrorLimit;

    RevisionBuilder(String hash, Phase phase, String release, String compiler, long line, int buildErrorLimit) {
        this.hash = hash;
        this.phase = phase;
        this.release = release;
        this.compiler = compiler;
        this.line = line;
        this.buildErrorLimit = buildErrorLimit;
    }

    /** Starts (or restarts, for the prefixed repeat of a bare error) the build error text. */
    void startBuildError(String firstLine) {
        buildError = new BoundedText(buildErrorLimit);
        buildError.appendLine(firstLine);
        state = State.BUILD_ERROR;
    }

    void appendBuildError(String line) {
        buildError.appendLine(line);
    }

    TestedRevision build() {
        return new TestedRevision(hash, phase, release, compiler, signature, verdicts,
                buildError == null ? null : buildError.text(), (int) Math.min(line, Integer.MAX_VALUE));
    }
}

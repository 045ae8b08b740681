package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/**
 * One {@code testing commit} block: a revision that was built (and usually tested).
 *
 * @param hash the 40-hex commit
 * @param phase why it was tested
 * @param release the release tag for the {@link Phase#RELEASE} phase, else null
 * @param compiler the compiler as printed, or null
 * @param signature the kernel signature, or null (failed builds have none)
 * @param verdicts the per-run verdicts in log order
 * @param buildError the build error text when the build failed, else null
 * @param line the 1-based line of the {@code testing commit} line
 */
public record TestedRevision(
        String hash,
        Phase phase,
        String release,
        String compiler,
        String signature,
        List<RunVerdict> verdicts,
        String buildError,
        int line) {
    public TestedRevision {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(phase, "phase");
        verdicts = List.copyOf(verdicts);
    }

    public boolean buildFailed() {
        return buildError != null;
    }

    public long count(RunVerdict.Kind kind) {
        return verdicts.stream().filter(v -> v.kind() == kind).count();
    }
}

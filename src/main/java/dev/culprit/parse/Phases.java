package dev.culprit.parse;

import dev.culprit.model.Phase;

/**
 * The phase the next {@code testing commit} block belongs to. The base phase moves forward with
 * the log (original, minimization, bisect); a range record (a release, HEAD, a merge base, the
 * culprit's parent) names the phase of the one block that follows it.
 */
final class Phases {
    /** The phase of a block and, for a release, its tag. */
    record Start(Phase phase, String release) {}

    private Phase base = Phase.ORIGINAL;
    private Phase next;
    private String nextRelease;

    /** The next block tests {@code phase} (head, merge base, parent). */
    void nextIs(Phase phase) {
        next = phase;
    }

    /** The next block tests the release {@code tag}. */
    void nextIsRelease(String tag) {
        next = Phase.RELEASE;
        nextRelease = tag;
    }

    /** A minimization record: blocks after the first one are minimization runs until the bisection. */
    void minimization() {
        if (base == Phase.ORIGINAL || base == Phase.MINIMIZATION) {
            base = Phase.MINIMIZATION;
        }
    }

    /** {@code # git bisect start}: the blocks that follow are bisection steps. */
    void bisection() {
        base = Phase.BISECT;
    }

    /** The phase of a block that starts now; a one-off phase applies to this block only. */
    Start startBlock() {
        Phase phase = next != null ? next : base;
        Start start = new Start(phase, phase == Phase.RELEASE ? nextRelease : null);
        next = null;
        nextRelease = null;
        if (base == Phase.ORIGINAL) {
            base = Phase.MINIMIZATION;
        }
        return start;
    }
}

package dev.culprit.model;

/** What a bisection ended with. The ids are those of the corpus {@code .expected.json} files. */
public enum Outcome {
    /** A cause bisection found one commit. */
    CULPRIT("culprit"),
    /** A fix bisection found one commit. */
    FIX("fix"),
    /** Several candidate commits remain. */
    INCONCLUSIVE("inconclusive"),
    /** Cause bisection: the oldest tested release already crashed. */
    OLDEST_RELEASE_HAS_BUG("oldest-release-has-bug"),
    /** Fix bisection: HEAD still crashes. */
    NOT_FIXED_ON_HEAD("not-fixed-on-head"),
    /** The bisection stopped with an error. */
    ERROR("error"),
    /** The log has no final result (cut or unfinished). */
    TRUNCATED("truncated");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Outcome fromId(String id) {
        for (Outcome o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        throw new IllegalArgumentException("not an outcome: " + id);
    }
}

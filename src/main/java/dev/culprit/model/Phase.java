package dev.culprit.model;

/**
 * Why a revision was tested: the part of the bisection its {@code testing commit} block belongs
 * to. The ids are those of the JSON output.
 */
public enum Phase {
    /** The first test, on the commit the bisection started from. */
    ORIGINAL("original"),
    /** A predicate run of config minimization or instrumentation dropping. */
    MINIMIZATION("minimization"),
    /** A release tag of a cause bisection's range ({@code testing release vX}). */
    RELEASE("release"),
    /** HEAD in a fix bisection's range ({@code testing current HEAD}). */
    HEAD("head"),
    /** A merge base: of a cross-tree fix bisection, or checked before a fix bisection step. */
    MERGE_BASE("merge-base"),
    /** A step of the git bisection. */
    BISECT("bisect"),
    /** The culprit's parent, built after the bisection to compare signatures. */
    PARENT("parent");

    private final String id;

    Phase(String id) {
        this.id = id;
    }

    /** The lower-case name used in JSON. */
    public String id() {
        return id;
    }

    public static Phase fromId(String id) {
        for (Phase p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a phase: " + id);
    }
}

package dev.culprit.model;

/** Whether the bisection looked for the commit that introduced a crash or the one that fixed it. */
public enum BisectionType {
    CAUSE("cause"),
    FIX("fix");

    private final String id;

    BisectionType(String id) {
        this.id = id;
    }

    /** The lower-case name used in JSON and in result keys. */
    public String id() {
        return id;
    }
}

package dev.culprit.model;

/** What to do with a result. The ids appear in {@code preview --json}. */
public enum Verdict {
    /** Mail the maintainers. */
    MAIL("mail"),
    /** Hold for moderation. */
    MODERATE("moderate"),
    /** Do not mail anyone. */
    SKIP("skip");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

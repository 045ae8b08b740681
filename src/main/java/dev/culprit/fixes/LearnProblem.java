package dev.culprit.fixes;

/** Why the fix history cannot be read now (a git dir that is missing, not a repository or shallow; a missing ref). */
public final class LearnProblem extends Exception {
    public LearnProblem(String message) {
        super(message);
    }

    public LearnProblem(String message, Throwable cause) {
        super(message, cause);
    }
}

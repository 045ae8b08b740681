package dev.culprit.answering.decide;

import java.util.Locale;
import java.util.Objects;

/**
 * What became of one command line of a reply, for its history and its answer.
 *
 * @param name the command's word ({@code wrong}, ...), or {@code unknown} for a line not read
 * @param arguments what followed the word (the hash, the reason), printable, or empty
 * @param status applied, refused or skipped
 * @param text what was done, or why not, in one sentence for the sender (a refused line says which)
 */
public record CommandOutcome(String name, String arguments, Status status, String text) {
    /** Applied; refused (not allowed, not readable, not possible); skipped (the mail as a whole was not acted on). */
    public enum Status {
        APPLIED, REFUSED, SKIPPED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CommandOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }
}

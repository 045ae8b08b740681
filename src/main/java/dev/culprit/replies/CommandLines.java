package dev.culprit.replies;

import java.util.List;

/**
 * What the {@code #culprit} lines of a reply said: the commands to apply and the lines refused,
 * each with its reason. When the reply has more than {@link CommandParser#MAX_COMMANDS} command
 * lines, {@code commands} is empty and one refusal says why.
 */
public record CommandLines(List<Command> commands, List<Refusal> refusals) {
    public CommandLines {
        commands = List.copyOf(commands);
        refusals = List.copyOf(refusals);
    }

    /**
     * A command line that is not applied. {@code line} is 1-based in the reply's own text, 0 for the
     * whole reply; {@code command} is the command word the line names, {@code unknown} when it names
     * none, {@code too-many} for the whole reply.
     */
    public record Refusal(int line, String text, String command, String reason) {
        @Override
        public String toString() {
            return line == 0 ? reason : "line " + line + ": " + reason;
        }
    }

    /** Whether the reply had any {@code #culprit} line at all (a reply without one gets no answer). */
    public boolean any() {
        return !commands.isEmpty() || !refusals.isEmpty();
    }
}

package dev.culprit.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code #culprit} lines of a reply's own text (see {@link ReplyText}). A command line
 * starts with {@code #culprit} (case and leading blanks ignored) followed by a blank or the line's
 * end; the word after it names the command. Every line that is not a valid command gets a refusal
 * saying why, so nothing a maintainer wrote is silently ignored.
 */
public final class CommandParser {
    /** More command lines than this in one reply: none is applied. */
    public static final int MAX_COMMANDS = 3;
    /** The longest reason kept; a longer one is refused rather than cut. */
    public static final int MAX_WHY = 500;
    static final String PREFIX = "#culprit";
    static final String COMMANDS = "wrong [why], blame HASH [why], confirm, uncc, unsubscribe, release, drop WHY";
    private static final String TOO_MANY = "too-many";
    private static final String UNKNOWN = "unknown";
    private static final Set<String> NAMES = Set.of("wrong", "blame", "confirm", "uncc", "unsubscribe", "release", "drop");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private CommandParser() {
    }

    public static CommandLines parse(String ownText) {
        List<String> lines = ownText.lines().toList();
        List<Integer> commandLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isCommandLine(lines.get(i))) {
                commandLines.add(i);
            }
        }
        if (commandLines.size() > MAX_COMMANDS) {
            String reason = commandLines.size() + " #culprit lines; at most " + MAX_COMMANDS
                    + " are read from one reply, so none was applied";
            return new CommandLines(List.of(), List.of(new CommandLines.Refusal(0, "", TOO_MANY, reason)));
        }
        List<Command> commands = new ArrayList<>();
        List<CommandLines.Refusal> refusals = new ArrayList<>();
        for (int i : commandLines) {
            String line = lines.get(i).strip();
            String rest = line.substring(PREFIX.length()).strip();
            try {
                commands.add(command(rest));
            } catch (IllegalArgumentException e) {
                refusals.add(new CommandLines.Refusal(i + 1, line, nameOf(rest), e.getMessage()));
            }
        }
        return new CommandLines(commands, refusals);
    }

    static boolean isCommandLine(String line) {
        String t = line.stripLeading();
        return t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && (t.length() == PREFIX.length() || Character.isWhitespace(t.charAt(PREFIX.length())));
    }

    /** The command word {@code rest} (the line after {@code #culprit}) starts with, or {@code unknown}. */
    private static String nameOf(String rest) {
        String word = rest.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return NAMES.contains(word) ? word : UNKNOWN;
    }

    /** The command {@code rest} (the line after {@code #culprit}) names, or an exception saying why not. */
    static Command command(String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("no command after #culprit; the commands are: " + COMMANDS);
        }
        String[] parts = rest.split("\\s+", 2);
        String word = parts[0].toLowerCase(Locale.ROOT);
        String args = parts.length > 1 ? parts[1].strip() : "";
        return switch (word) {
            case "wrong" -> new Command.Wrong(why(args));
            case "blame" -> blame(args);
            case "confirm" -> none(args, new Command.Confirm());
            case "uncc" -> none(args, new Command.Uncc());
            case "unsubscribe" -> none(args, new Command.Unsubscribe());
            case "release" -> none(args, new Command.Release());
            case "drop" -> {
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("drop needs a reason: #culprit drop WHY");
                }
                yield new Command.Drop(why(args));
            }
            default -> throw new IllegalArgumentException(
                    "unknown command \"" + quoted(parts[0]) + "\"; the commands are: " + COMMANDS);
        };
    }

    private static Command blame(String args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(
                    "blame needs the commit now believed to be the culprit: #culprit blame HASH [why]");
        }
        String[] parts = args.split("\\s+", 2);
        String hash = parts[0];
        if (!HEX.matcher(hash).matches() || hash.length() < 12 || hash.length() > 40) {
            throw new IllegalArgumentException("\"" + quoted(hash)
                    + "\" is not a commit hash; blame takes 12 to 40 hex digits, as in #culprit blame 7a819b1f87a1");
        }
        return new Command.Blame(hash.toLowerCase(Locale.ROOT), why(parts.length > 1 ? parts[1].strip() : ""));
    }

    private static Command none(String args, Command command) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(command.name() + " takes nothing after it, found \""
                    + quoted(args) + "\"");
        }
        return command;
    }

    private static String why(String args) {
        if (args.length() > MAX_WHY) {
            throw new IllegalArgumentException("the reason is " + args.length() + " characters long; at most "
                    + MAX_WHY + " are kept");
        }
        return printable(args);
    }

    /** {@code s} with control and format characters replaced by {@code ?}. */
    static String printable(String s) {
        return s.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** {@code s} made printable and cut to 40 characters, to be quoted back in a refusal. */
    static String quoted(String s) {
        String p = printable(s);
        return p.length() <= 40 ? p : p.substring(0, 40) + "…";
    }
}

package dev.culprit.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trailers of a commit message that link a fix to a result and judge its culprit, read with
 * any case and spacing around the key and colon: {@code Fixes:}, {@code Reported-by:},
 * {@code Closes:} and {@code Link:}. A commit may carry several of each.
 *
 * @param fixes what each {@code Fixes:} names
 * @param reportedBy the addresses of {@code Reported-by:}, lower case
 * @param links the URLs of {@code Closes:} and {@code Link:}, normalised ({@link Urls#normalise})
 */
public record FixTrailers(List<Fixes> fixes, List<String> reportedBy, List<String> links) {
    private static final Pattern LINE = Pattern.compile("^[ \\t]*(fixes|reported-by|closes|link)[ \\t]*:[ \\t]*(.*?)[ \\t]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIXES = Pattern.compile("^([0-9a-fA-F]{4,64})\\b[ \\t]*(?:\\([ \\t]*\"(.*)\"[ \\t]*\\))?.*$");
    private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>|([^<>\\s\"]+@[^<>\\s\"]+)");

    /**
     * What one {@code Fixes:} trailer names.
     *
     * @param hash the (abbreviated) hash, lower case
     * @param title the quoted title, or null when none is given
     */
    public record Fixes(String hash, String title) {}

    public FixTrailers {
        fixes = List.copyOf(fixes);
        reportedBy = List.copyOf(reportedBy);
        links = List.copyOf(links);
    }

    /** Reads the trailers of a whole commit message; lines that are no such trailer are ignored. */
    public static FixTrailers read(String message) {
        List<Fixes> fixes = new ArrayList<>();
        List<String> reportedBy = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (String line : message.split("\r?\n|\r")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches() || m.group(2).isEmpty()) {
                continue;
            }
            String value = m.group(2);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "fixes" -> {
                    Matcher f = FIXES.matcher(value);
                    if (f.matches()) {
                        fixes.add(new Fixes(f.group(1).toLowerCase(Locale.ROOT), f.group(2)));
                    }
                }
                case "reported-by" -> {
                    Matcher a = ADDRESS.matcher(value);
                    if (a.find()) {
                        reportedBy.add((a.group(1) != null ? a.group(1) : a.group(2)).toLowerCase(Locale.ROOT));
                    }
                }
                default -> links.add(Urls.normalise(value));
            }
        }
        return new FixTrailers(fixes, reportedBy, links);
    }

    /** Whether the message has any trailer that could link it to a result. */
    public boolean linksAnything() {
        return !reportedBy.isEmpty() || !links.isEmpty();
    }
}

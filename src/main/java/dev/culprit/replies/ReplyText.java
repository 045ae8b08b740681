package dev.culprit.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reply's own text of a plain-text mail: its lines up to the quoted original. Reading stops
 * at the first line that starts the quote: a line starting with {@code >}, an Outlook separator
 * ({@code -----Original Message-----}, a line of underscores, or a {@code From:} line followed by
 * {@code Sent:} or {@code Date:}), an attribution ({@code On … wrote:}, possibly wrapped over two
 * lines) or a signature separator ({@code -- }).
 */
public final class ReplyText {
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("-{2,}\\s*original message\\s*-{2,}");
    private static final Pattern UNDERSCORES = Pattern.compile("_{10,}");
    private static final Pattern ON_START = Pattern.compile("on\\s.*");
    private static final Pattern WROTE = Pattern.compile(".*\\bwrote:");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("\\*?from:\\*?\\s.*");
    private static final Pattern OUTLOOK_NEXT = Pattern.compile("\\*?(sent|date|to):\\*?\\s.*");

    private ReplyText() {
    }

    /** The lines of {@code body} before the quoted original, trailing blank lines removed. */
    public static String ownText(String body) {
        List<String> lines = body.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<String> own = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (startsQuote(lines, i)) {
                break;
            }
            own.add(lines.get(i));
        }
        while (!own.isEmpty() && own.get(own.size() - 1).isBlank()) {
            own.remove(own.size() - 1);
        }
        return String.join("\n", own);
    }

    static boolean startsQuote(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.startsWith(">") || line.equals("-- ") || line.equals("--")) {
            return true;
        }
        String t = line.strip().toLowerCase(Locale.ROOT);
        if (ORIGINAL_MESSAGE.matcher(t).matches() || UNDERSCORES.matcher(t).matches()) {
            return true;
        }
        String next = i + 1 < lines.size() ? lines.get(i + 1).strip().toLowerCase(Locale.ROOT) : "";
        if (ON_START.matcher(t).matches()) {
            return WROTE.matcher(t).matches() || WROTE.matcher(next).matches();
        }
        return OUTLOOK_FROM.matcher(t).matches() && OUTLOOK_NEXT.matcher(next).matches();
    }
}

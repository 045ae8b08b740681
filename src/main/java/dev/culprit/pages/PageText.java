package dev.culprit.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Text from logs and mails made fit for a page: control characters shown as a replacement mark,
 * long texts clipped, links only for http(s) URLs. The template escapes what is left; nothing here
 * builds markup.
 */
public final class PageText {
    /** The longest text a table cell shows. */
    static final int CELL = 200;
    /** The longest text a heading shows (the whole text is in the page's body). */
    static final int HEADING = 300;
    /** The longest sentence a list shows, such as a held result's reason (the whole text is on the result's page). */
    static final int LINE = 500;
    /** The longest text a page shows in one place. */
    static final int BLOCK = 4000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PageText() {}

    /**
     * The text with every control character but tab and newline replaced by U+FFFD, and cut to
     * {@code max} characters (ending in an ellipsis when cut); "" for null.
     */
    static String inert(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char ch = s.charAt(i);
            boolean control = Character.getType(ch) == Character.CONTROL && ch != '\n' && ch != '\t';
            boolean stray = Character.isSurrogate(ch) && !(Character.isHighSurrogate(ch) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(ch) && i > 0
                    && Character.isHighSurrogate(s.charAt(i - 1)));
            b.append(control || stray ? '\uFFFD' : ch);
        }
        if (b.length() < s.length() && b.length() >= max) {
            return b.substring(0, Math.max(0, max - 1)) + "\u2026";
        }
        return b.toString();
    }

    /** One line of a cell: {@link #inert} with newlines and tabs as spaces. */
    static String cell(String s) {
        return inert(s, CELL).replace('\n', ' ').replace('\t', ' ');
    }

    /** The URL when it is an absolute http or https URL, for a link; empty for anything else. */
    static Optional<String> httpUrl(String s) {
        if (s == null || s.length() > 2000) {
            return Optional.empty();
        }
        try {
            URI u = new URI(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
            return web ? Optional.of(u.toASCIIString()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A time as {@code 2026-12-07 02:15:51 UTC}; "" for null. */
    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** How long ago, in the largest two units: {@code 3 h 12 min}. */
    static String age(Instant then, Instant now) {
        return age(Duration.between(then, now));
    }

    /** A duration in its largest two units ({@code 3 h 12 min}, {@code 2 d 1 h}); a negative one is {@code 0 s}. */
    public static String age(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}

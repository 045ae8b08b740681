package dev.culprit.render;

/**
 * The {@code render} section of the configuration.
 *
 * @param templates a directory whose templates override the bundled ones of the same name;
 *     null to use only the bundled templates
 * @param excerptLines the most lines of the crash report quoted in a mail
 * @param excerptChars the most characters of the crash report (and of an error message) quoted
 */
public record RenderSettings(String templates, Integer excerptLines, Integer excerptChars) {
    public static final int DEFAULT_EXCERPT_LINES = 60;
    public static final int DEFAULT_EXCERPT_CHARS = 6000;

    public RenderSettings {
        if (templates != null && templates.isBlank()) {
            throw new IllegalArgumentException("templates: must not be blank");
        }
        excerptLines = excerptLines == null ? DEFAULT_EXCERPT_LINES : excerptLines;
        if (excerptLines < 1) {
            throw new IllegalArgumentException("excerpt-lines: must be positive: " + excerptLines);
        }
        excerptChars = excerptChars == null ? DEFAULT_EXCERPT_CHARS : excerptChars;
        if (excerptChars < 80) {
            throw new IllegalArgumentException("excerpt-chars: must be at least 80: " + excerptChars);
        }
    }

    public static RenderSettings defaults() {
        return new RenderSettings(null, null, null);
    }
}

package dev.culprit.render;

/** Cleans a rendered subject into one safe header line. */
public final class Subjects {
    /** The longest subject, in characters (code points). */
    public static final int MAX_LENGTH = 180;

    private Subjects() {}

    /**
     * Removes control characters (CR and LF included), collapses runs of whitespace to one space,
     * strips the ends and cuts to {@link #MAX_LENGTH} characters, ending a cut with {@code ...}.
     */
    public static String clean(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\t') {
                space = true;
            } else if (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                    || c == 0x2028 || c == 0x2029) {
                // dropped
            } else {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.appendCodePoint(c);
            }
        }
        String s = b.toString();
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH - 3)).stripTrailing() + "...";
        }
        return s;
    }
}

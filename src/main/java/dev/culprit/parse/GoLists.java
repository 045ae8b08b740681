package dev.culprit.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the two ways Go prints a {@code []string}: {@code %q} ({@code ["a@b.c" "d@e.f"]}, each
 * element a Go string literal) and {@code %v} ({@code [a b c]}, elements separated by spaces).
 */
final class GoLists {
    private GoLists() {}

    /** Thrown for a {@code %q} list that is not well formed; the message says where. */
    static final class MalformedListException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> partial;

        MalformedListException(String message, List<String> partial) {
            super(message);
            this.partial = List.copyOf(partial);
        }

        /** The elements read before the fault. */
        List<String> partial() {
            return partial;
        }
    }

    /** Parses {@code ["a" "b"]}; elements are unquoted with Go's escape rules. */
    static List<String> parseQuoted(String text) throws MalformedListException {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        if (n == 0 || text.charAt(0) != '[') {
            throw new MalformedListException("list does not start with '['", out);
        }
        i++;
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                throw new MalformedListException("list is not closed with ']'", out);
            }
            char c = text.charAt(i);
            if (c == ']') {
                if (i != n - 1) {
                    throw new MalformedListException("text after the closing ']'", out);
                }
                return out;
            }
            if (c != '"') {
                throw new MalformedListException("expected '\"' at column " + (i + 1), out);
            }
            i = readLiteral(text, i + 1, out);
        }
    }

    private static int readLiteral(String text, int i, List<String> out) throws MalformedListException {
        int n = text.length();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                out.add(bytes.toString(StandardCharsets.UTF_8));
                return i + 1;
            }
            if (c < 0x80 && c != '\\') {
                bytes.write(c);
                i++;
            } else if (c != '\\') {
                int cp = text.codePointAt(i);
                utf8(bytes, cp);
                i += Character.charCount(cp);
            } else if (i + 1 < n) {
                i = escape(text, i + 1, bytes, out);
            } else {
                break;
            }
        }
        throw new MalformedListException("unterminated string literal", out);
    }

    /** Writes the escape whose letter is at {@code at} (after the backslash); returns the index after it. */
    private static int escape(String text, int at, ByteArrayOutputStream bytes, List<String> out) throws MalformedListException {
        char e = text.charAt(at);
        int i = at + 1;
        switch (e) {
            case 'a' -> bytes.write(7);
            case 'b' -> bytes.write('\b');
            case 'f' -> bytes.write('\f');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 't' -> bytes.write('\t');
            case 'v' -> bytes.write(11);
            case '\\', '"', '\'' -> bytes.write(e);
            case 'x' -> {
                bytes.write(hex(text, i, 2, out));
                return i + 2;
            }
            case 'u' -> {
                utf8(bytes, hex(text, i, 4, out));
                return i + 4;
            }
            case 'U' -> {
                int cp = hex(text, i, 8, out);
                if (!Character.isValidCodePoint(cp)) {
                    throw new MalformedListException("not a code point: \\U" + text.substring(i, i + 8), out);
                }
                utf8(bytes, cp);
                return i + 8;
            }
            default -> {
                if (e >= '0' && e <= '3' && i + 1 < text.length()) {
                    try {
                        bytes.write(Integer.parseInt(text.substring(i - 1, i + 2), 8));
                    } catch (NumberFormatException bad) {
                        throw new MalformedListException("bad octal escape", out);
                    }
                    return i + 2;
                }
                throw new MalformedListException("unknown escape \\" + e, out);
            }
        }
        return i;
    }

    private static void utf8(ByteArrayOutputStream bytes, int cp) {
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
    }

    private static int hex(String text, int from, int digits, List<String> out) throws MalformedListException {
        if (from + digits > text.length()) {
            throw new MalformedListException("short escape", out);
        }
        int v = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(text.charAt(k), 16);
            if (d < 0) {
                throw new MalformedListException("bad hex digit '" + text.charAt(k) + "' in escape", out);
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Splits {@code [a b c]} on spaces; null when the text is not bracketed. */
    static List<String> parsePlain(String text) {
        String t = text.strip();
        if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : t.substring(1, t.length() - 1).split(" ")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}

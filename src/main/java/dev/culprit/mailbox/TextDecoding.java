package dev.culprit.mailbox;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the bytes of a text part into characters by its {@code charset} parameter.
 *
 * <p>Labels that mail programs commonly put on windows-1252 text ({@code iso-8859-1},
 * {@code latin1}) are read as windows-1252, as the WHATWG Encoding Standard does: it is a superset
 * that differs only in 0x80..0x9F, where ISO-8859-1 has control characters nobody writes and
 * windows-1252 has the curly quotes and dashes Outlook does. A missing, {@code us-ascii}, unknown
 * or unsupported charset is read as UTF-8 when the bytes are valid UTF-8 (which ASCII is), else as
 * windows-1252, which maps nearly every byte to a character: the text stays readable for the
 * {@code #culprit} lines, which are ASCII, whatever the mail program wrote.
 */
final class TextDecoding {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> WINDOWS_1252_LABELS = Set.of("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
            "l1", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252");
    private static final Set<String> ASCII_LABELS = Set.of("us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us");

    private TextDecoding() {}

    /** The text of {@code bytes} in {@code charset} (null or blank when the part names none). */
    static String decode(byte[] bytes, String charset) {
        Charset known = known(charset);
        if (known == null) {
            return utf8OrWindows1252(bytes);
        }
        return new String(bytes, known);
    }

    /** The charset to use, or null when the label is missing, ASCII, unknown or unsupported. */
    static Charset known(String charset) {
        if (charset == null || charset.isBlank()) {
            return null;
        }
        String label = charset.strip().toLowerCase(Locale.ROOT);
        if (WINDOWS_1252_LABELS.contains(label)) {
            return WINDOWS_1252;
        }
        if (ASCII_LABELS.contains(label)) {
            return null;
        }
        try {
            String name = MimeUtility.javaCharset(label);
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    static String utf8OrWindows1252(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}

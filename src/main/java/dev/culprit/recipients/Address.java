package dev.culprit.recipients;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated mail address: a plain ASCII RFC 5322 addr-spec (dot-atom local part, host name
 * domain) and an optional display name in any Unicode without control characters. Neither part
 * may hold an RFC 2047 encoded-word ({@code =?UTF-8?Q?=0A?=}): RFC 2047 section 5 forbids them in
 * an addr-spec, and a mail program that decodes one anyway, in either part, would show or use
 * characters this check never saw.
 *
 * <p>{@link #parse} is deliberately strict: anything it accepts can be written into a header
 * without escaping the address part, so nothing from a log or a commit can add a header or a
 * hidden recipient.
 */
public record Address(String addrSpec, String name) {
    /** The characters of a dot-atom's runs (RFC 5322 atext), ASCII only. */
    private static final boolean[] ATEXT = new boolean[128];
    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-".toCharArray()) {
            ATEXT[c] = true;
        }
    }
    private static final int MAX_LABEL = 63;
    /** {@code Name <addr>} with nothing after the closing bracket. */
    private static final Pattern NAME_ADDR = Pattern.compile("(.*?)\\s*<([^<>]*)>");
    private static final int MAX_LENGTH = 254;
    /** An RFC 2047 encoded-word, read loosely (empty parts too), as a lenient decoder would. */
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]*\\?[^?\\s]*\\?[^?\\s]*\\?=");
    private static final String NOT_PLAIN = "not a plain ASCII address";
    private static final String ENCODED = "an RFC 2047 encoded-word (=?charset?encoding?text?=) is not allowed in an address,"
            + " since mail programs may decode it into other characters";

    public Address {
        Objects.requireNonNull(addrSpec, "addrSpec");
        String problem = addrSpecProblem(addrSpec);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + quote(addrSpec));
        }
        if (name != null) {
            if (hasControl(name)) {
                throw new IllegalArgumentException("display name contains a control character: " + quote(name));
            }
            if (hasEncodedWord(name)) {
                throw new IllegalArgumentException("display name: " + ENCODED + ": " + quote(name));
            }
            name = name.strip();
            if (name.isEmpty()) {
                name = null;
            }
        }
    }

    public static Address of(String addrSpec) {
        return new Address(addrSpec, null);
    }

    /**
     * Parses {@code a@b.c}, {@code Name <a@b.c>} or {@code "Name, Jr." <a@b.c>}.
     *
     * @throws IllegalArgumentException naming what is wrong, for example for {@code <a@b>c@d},
     *     a CR or LF anywhere, or a non-ASCII address part
     */
    public static Address parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        if (hasControl(raw)) {
            throw new IllegalArgumentException("address contains a control character: " + quote(raw));
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        if (s.indexOf('<') < 0 && s.indexOf('>') < 0) {
            checkAddrSpec(s, raw);
            return new Address(s, null);
        }
        Matcher m = NAME_ADDR.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a single address of the form Name <address>: " + quote(raw));
        }
        String name = m.group(1).strip();
        String addr = m.group(2).strip();
        checkAddrSpec(addr, raw);
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        } else if (name.indexOf('"') >= 0 || name.indexOf('@') >= 0 || name.indexOf(',') >= 0 || name.indexOf(';') >= 0) {
            throw new IllegalArgumentException("display name must be quoted: " + quote(raw));
        }
        if (hasEncodedWord(name)) {
            throw new IllegalArgumentException("display name: " + ENCODED + ": " + quote(raw));
        }
        return new Address(addr, name.isEmpty() ? null : name);
    }

    private static void checkAddrSpec(String addrSpec, String raw) {
        String problem = addrSpecProblem(addrSpec);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + quote(raw));
        }
    }

    /**
     * Why {@code s} is not an address this class accepts, or null when it is one: the one check
     * of an addr-spec, wherever it comes from (a log, a commit, a sidecar, the configuration).
     */
    static String addrSpecProblem(String s) {
        if (!isPlainAddrSpec(s)) {
            return NOT_PLAIN;
        }
        return hasEncodedWord(s) ? ENCODED : null;
    }

    /** Whether {@code name} may be the display name of an address. */
    static boolean isUsableName(String name) {
        return !hasControl(name) && !hasEncodedWord(name);
    }

    private static boolean hasEncodedWord(String s) {
        return s.contains("=?") && ENCODED_WORD.matcher(s).find();
    }

    /** Lower-case address, for de-duplication and list matching. */
    public String key() {
        return addrSpec.toLowerCase(Locale.ROOT);
    }

    /** The lower-case domain part. */
    public String domain() {
        return key().substring(key().lastIndexOf('@') + 1);
    }

    public Address withName(String newName) {
        return new Address(addrSpec, newName);
    }

    /** {@code Name <addr>} or the bare address; for humans, not for headers. */
    @Override
    public String toString() {
        return name == null ? addrSpec : name + " <" + addrSpec + ">";
    }

    /** Whether {@code s} is an addr-spec this class accepts ({@link #addrSpecProblem} is null). */
    static boolean isAddrSpec(String s) {
        return addrSpecProblem(s) == null;
    }

    /**
     * Whether {@code s} is a dot-atom local part of at most 64 characters, {@code @}, and a host
     * name: labels of 1 to 63 letters, digits and hyphens, neither first nor last a hyphen,
     * separated by single dots; 254 characters at most in all. Read in one pass, since delivery
     * checks every recipient of every mail again.
     */
    private static boolean isPlainAddrSpec(String s) {
        int n = s.length();
        int at = s.indexOf('@');
        if (n > MAX_LENGTH || at < 1 || at > 64) {
            return false;
        }
        boolean afterDot = true;
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (afterDot) {
                    return false;
                }
                afterDot = true;
            } else if (c < 128 && ATEXT[c]) {
                afterDot = false;
            } else {
                return false;
            }
        }
        if (afterDot) {
            return false;
        }
        int label = at + 1;
        for (int i = label; i <= n; i++) {
            char c = i == n ? '.' : s.charAt(i);
            if (c == '.') {
                int len = i - label;
                if (len < 1 || len > MAX_LABEL || s.charAt(label) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                label = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029);
    }

    /** The raw text in quotes with control characters made visible, cut to 120 characters. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(120).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(s.codePointCount(0, s.length()) > 120 ? "...\"" : "\"").toString();
    }
}

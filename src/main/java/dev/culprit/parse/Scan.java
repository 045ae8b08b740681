package dev.culprit.parse;

import java.util.List;

/** Small checks on a line's characters, without regular expressions. */
final class Scan {
    /** The most elements kept of any list read from one line. */
    static final int MAX_LIST = 10_000;

    private Scan() {}

    /** Whether 40 lower-case hex digits start at {@code from}. */
    static boolean isHash(String s, int from) {
        return s.length() >= from + 40 && isHex(s, from, from + 40);
    }

    private static boolean isHex(String s, int from, int to) {
        int bad = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            // 0 for '0'..'9' and 'a'..'f', non-zero otherwise, without branches
            bad |= (c - '0' | '9' - c) & (c - 'a' | 'f' - c);
        }
        return bad >= 0;
    }

    static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    static int digitCount(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** The decimal number at {@code from}, or -1 when there is none or it does not fit. */
    static int leadingNumber(String s, int from) {
        int n = digitCount(s, from);
        if (n == 0 || n > 9) {
            return -1;
        }
        return Integer.parseInt(s, from, from + n, 10);
    }

    static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code line} from {@code from} on, as {@code previous} when it is the same text. */
    static String sameOrCopy(String line, int from, String previous) {
        int len = line.length() - from;
        if (previous != null && previous.length() == len && line.regionMatches(from, previous, 0, len)) {
            return previous;
        }
        return line.substring(from);
    }

    static <T> List<T> capped(List<T> l) {
        return l.size() <= MAX_LIST ? l : l.subList(0, MAX_LIST);
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}

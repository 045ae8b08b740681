package dev.culprit.recipients;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An address pattern of the configuration ({@code *@vger.kernel.org}, {@code syzbot+*@…}):
 * {@code *} matches any run of characters, the rest literally, without regard to case. Split
 * once per pattern text into its literal parts: delivery checks every recipient of every mail
 * against these lists.
 */
public final class AddressGlob {
    private static final Map<String, String[]> COMPILED = new ConcurrentHashMap<>();

    private AddressGlob() {}

    /** Whether the lower-case address {@code key} matches {@code glob}. */
    public static boolean matches(String glob, String key) {
        String[] parts = COMPILED.computeIfAbsent(glob, g -> g.toLowerCase(Locale.ROOT).split("\\*", -1));
        if (parts.length == 1) {
            return key.equals(parts[0]);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (key.length() < first.length() + last.length() || !key.startsWith(first) || !key.endsWith(last)) {
            return false;
        }
        // each literal between two stars as early as it occurs: an earlier place never leaves less room for the rest
        int from = first.length();
        int end = key.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int at = key.indexOf(parts[i], from);
            if (at < 0 || at + parts[i].length() > end) {
                return false;
            }
            from = at + parts[i].length();
        }
        return true;
    }
}

package dev.culprit.recipients;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An address pattern of the configuration ({@code *@vger.kernel.org}, {@code syzbot+*@…}):
 * {@code *} matches any run of characters, the rest literally, without regard to case. Compiled
 * once per pattern text: delivery checks every recipient of every mail against these lists.
 */
public final class AddressGlob {
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private AddressGlob() {}

    /** Whether the lower-case address {@code key} matches {@code glob}. */
    public static boolean matches(String glob, String key) {
        return COMPILED.computeIfAbsent(glob, AddressGlob::compile).matcher(key).matches();
    }

    private static Pattern compile(String glob) {
        return Pattern.compile(Arrays.stream(glob.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}

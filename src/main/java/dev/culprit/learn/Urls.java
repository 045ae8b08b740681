package dev.culprit.learn;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URLs compared as a fix's trailers and a result's links write them. */
public final class Urls {
    private static final Pattern URL = Pattern.compile("(?i)(https?)://([^/?#\\s]+)([^\\s]*)");

    private Urls() {}

    /**
     * The URL with its scheme (http and https alike) and host in lower case and without a
     * trailing slash; angle brackets around it dropped. Text that is no http(s) URL is returned
     * trimmed.
     */
    public static String normalise(String url) {
        String s = url.strip();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        Matcher m = URL.matcher(s);
        if (!m.matches()) {
            return s;
        }
        String rest = m.group(3);
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return "https://" + m.group(2).toLowerCase(Locale.ROOT) + rest;
    }

    /**
     * The archive link of a mail: {@code template} with {@code {messageId}} replaced by the
     * Message-ID without its angle brackets, e.g. {@code https://lore.kernel.org/r/{messageId}}.
     */
    public static String archiveLink(String template, String messageId) {
        String id = messageId.startsWith("<") && messageId.endsWith(">") ? messageId.substring(1, messageId.length() - 1) : messageId;
        return template.replace("{messageId}", id);
    }
}

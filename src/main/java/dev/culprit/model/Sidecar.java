package dev.culprit.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a bisection log cannot say about itself, read from the optional {@code <log>.json} beside
 * it. Every field is optional. Values that end up in mail headers are checked here, so a sidecar
 * can never inject a header.
 *
 * @param bugId the bug's identifier on the dashboard ({@code extid})
 * @param title the bug's title as the original report gave it
 * @param links where to read more; null means none
 * @param messageId the Message-ID of the original report, angle brackets included, to reply to
 * @param reportedBy the address credited in {@code Reported-by:}, {@code Name <addr>} or bare
 * @param to extra To recipients ({@code Name <addr>} or bare addresses)
 * @param cc extra Cc recipients
 */
public record Sidecar(
        String bugId,
        String title,
        Links links,
        String messageId,
        String reportedBy,
        List<String> to,
        List<String> cc) {
    private static final Pattern BUG_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e&&[^@]]{1,500}@[\\x21-\\x3b\\x3d\\x3f-\\x7e&&[^@]]{1,400}>");
    private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7e]{1,2000}");

    /**
     * Links to the artefacts of the bug and its bisection.
     *
     * @param dashboard the bug's page; also the URL of the report used in {@code Closes:}
     * @param log the full bisection log
     * @param kernelConfig the kernel .config used
     * @param reproC the C reproducer
     * @param reproSyz the syz reproducer
     */
    public record Links(String dashboard, String log, String kernelConfig, String reproC, String reproSyz) {
        public Links {
            checkUrl("dashboard", dashboard);
            checkUrl("log", log);
            checkUrl("kernel-config", kernelConfig);
            checkUrl("repro-c", reproC);
            checkUrl("repro-syz", reproSyz);
        }

        public static Links none() {
            return new Links(null, null, null, null, null);
        }
    }

    public Sidecar {
        if (bugId != null && !BUG_ID.matcher(bugId).matches()) {
            throw new IllegalArgumentException("bug-id: must be 1 to 200 printable ASCII characters without spaces: " + printable(bugId));
        }
        if (title != null && hasControl(title)) {
            throw new IllegalArgumentException("title: must not contain control characters: " + printable(title));
        }
        links = links == null ? Links.none() : links;
        if (messageId != null && !MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("message-id: not a Message-ID like <id@host>: " + printable(messageId));
        }
        if (reportedBy != null && hasControl(reportedBy)) {
            throw new IllegalArgumentException("reported-by: must not contain control characters: " + printable(reportedBy));
        }
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    public static Sidecar empty() {
        return new Sidecar(null, null, null, null, null, null, null);
    }

    private static void checkUrl(String key, String url) {
        if (url != null && !URL.matcher(url).matches()) {
            throw new IllegalArgumentException(key + ": not an http(s) URL without spaces: " + printable(url));
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0));
    }

    /** The value with control characters shown as {@code \\uXXXX}, cut to 200 characters. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return "\"" + b + (s.length() > 200 ? "...\"" : "\"");
    }
}

package dev.culprit.parse;

import dev.culprit.model.ChangedFile;
import dev.culprit.model.Commit;
import dev.culprit.model.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the commit block git prints after {@code <h> is the first bad commit}: the
 * {@code commit}, {@code Merge:}, {@code Author:} and {@code Date:} header, the message indented by
 * four spaces, and the diff part (a {@code --stat} diffstat, or the raw {@code diff-tree} listing of
 * old git). It takes lines until one does not belong to the block.
 */
final class CommitBlockReader {
    static final int MAX_BODY_LINES = 2_000;
    static final int MAX_FILES = 10_000;

    private static final Pattern AUTHOR = Pattern.compile("^Author:\\s*(.*?)\\s*<([^<>]*)>\\s*$");
    private static final Pattern RAW_DIFF =
            Pattern.compile("^:\\d{6} \\d{6} [0-9a-f]+(?:\\.\\.\\.)? [0-9a-f]+(?:\\.\\.\\.)? [A-Z]\\d*\\t(.*)$");
    private static final Pattern OTHER_HEADER = Pattern.compile("^[A-Z][A-Za-z]*: .*");
    private static final Set<String> TRAILER_KEYS = Set.of(
            "link", "fixes", "cc", "closes", "bug", "change-id", "message-id", "patchwork-id", "buglink");

    private enum State { HEADER, MESSAGE, AFTER_MESSAGE, DIFF }

    private final String hash;
    private State state = State.HEADER;
    private String authorName;
    private String authorEmail;
    private String date;
    private String title;
    private final List<String> body = new ArrayList<>();
    private int pendingBlankBody;
    private final List<ChangedFile> files = new ArrayList<>();
    private final List<String> mergeParents = new ArrayList<>();
    private boolean bodyCut;
    private boolean filesCut;

    CommitBlockReader(String hash) {
        this.hash = hash;
    }

    String hash() {
        return hash;
    }

    /** Takes the line if it belongs to the block; false means the block has ended before it. */
    boolean accept(String line) {
        switch (state) {
            case HEADER -> {
                return header(line);
            }
            case MESSAGE -> {
                if (line.startsWith("    ")) {
                    message(line.substring(4));
                    return true;
                }
                if (line.isEmpty()) {
                    state = State.AFTER_MESSAGE;
                    return true;
                }
                return diff(line);
            }
            case AFTER_MESSAGE -> {
                if (line.startsWith("    ")) {
                    pendingBlankBody++;
                    message(line.substring(4));
                    state = State.MESSAGE;
                    return true;
                }
                if (line.isEmpty()) {
                    return true;
                }
                return diff(line);
            }
            default -> {
                return diff(line);
            }
        }
    }

    private boolean header(String line) {
        if (line.startsWith("commit ")) {
            return true;
        }
        if (line.startsWith("Merge:")) {
            for (String p : line.substring(6).trim().split("\\s+")) {
                if (!p.isEmpty()) {
                    mergeParents.add(p);
                }
            }
            return true;
        }
        if (line.startsWith("Author:")) {
            Matcher m = AUTHOR.matcher(line);
            if (m.matches()) {
                authorName = m.group(1);
                authorEmail = m.group(2);
            } else {
                authorName = line.substring(7).trim();
            }
            return true;
        }
        if (line.startsWith("Date:")) {
            date = line.substring(5).strip();
            return true;
        }
        if (line.isEmpty()) {
            if (authorName != null || date != null) {
                state = State.MESSAGE;
            }
            return true;
        }
        if (line.startsWith("    ")) {
            state = State.MESSAGE;
            message(line.substring(4));
            return true;
        }
        // other pretty-format header lines (AuthorDate:, Commit:, CommitDate:)
        return OTHER_HEADER.matcher(line).matches();
    }

    private void message(String text) {
        if (title == null) {
            title = text;
            return;
        }
        if (text.isBlank()) {
            pendingBlankBody++;
            return;
        }
        if (body.isEmpty()) {
            pendingBlankBody = 0; // the blank line between title and body is not part of the body
        }
        for (; pendingBlankBody > 0; pendingBlankBody--) {
            addBody("");
        }
        addBody(text);
    }

    private void addBody(String text) {
        if (body.size() < MAX_BODY_LINES) {
            body.add(text);
        } else {
            bodyCut = true;
        }
    }

    private boolean diff(String line) {
        if (line.isEmpty()) {
            // git output ends with an empty line since 2020-12; the block ends there
            return state != State.DIFF;
        }
        char c = line.charAt(0);
        if (c == ':') {
            Matcher m = RAW_DIFF.matcher(line);
            if (!m.matches()) {
                return false;
            }
            String path = m.group(1);
            int tab = path.indexOf('\t');
            addFile(new ChangedFile(tab >= 0 ? path.substring(tab + 1) : path, null));
            state = State.DIFF;
            return true;
        }
        if (c == ' ') {
            ChangedFile f = diffstat(line);
            if (f != null) {
                addFile(f);
            }
            state = State.DIFF;
            return true;
        }
        return false;
    }

    /** {@code " path/to/file.c | 12 ++++----"} or {@code " path | Bin 0 -> 12 bytes"}; null for other lines. */
    static ChangedFile diffstat(String line) {
        int bar = line.lastIndexOf('|') - 1;
        if (bar < 1 || line.charAt(bar) != ' ' || bar + 2 >= line.length() || line.charAt(bar + 2) != ' ') {
            return null;
        }
        int from = 1;
        int to = bar;
        while (from < to && line.charAt(from) == ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to) {
            return null;
        }
        int i = bar + 3;
        int n = line.length();
        while (i < n && line.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        if (i > start && (i == n || line.charAt(i) == ' ')) {
            return new ChangedFile(line.substring(from, to), i - start <= 9 ? Integer.parseInt(line, start, i, 10) : null);
        }
        if (line.startsWith("Bin", start)) {
            return new ChangedFile(line.substring(from, to), null);
        }
        return null;
    }


    private void addFile(ChangedFile f) {
        if (files.size() < MAX_FILES) {
            files.add(f);
        } else {
            filesCut = true;
        }
    }

    /**
     * {@code Key: value} where the key is a word or hyphenated words ending in {@code -by}
     * ({@code Signed-off-by}, {@code Reported-and-tested-by}) or a known key ({@code Fixes},
     * {@code Link}, {@code Cc}, ...); null for any other line.
     */
    static Trailer trailer(String line) {
        int colon = line.indexOf(':');
        if (colon < 2 || colon + 1 >= line.length() || line.charAt(colon + 1) != ' ') {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            boolean ok = i == 0 ? letter : letter || c >= '0' && c <= '9' || c == '-' && line.charAt(i - 1) != '-';
            if (!ok) {
                return null;
            }
        }
        String key = line.substring(0, colon);
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("-") || !(k.endsWith("-by") || TRAILER_KEYS.contains(k))) {
            return null;
        }
        String value = line.substring(colon + 1).strip();
        return value.isEmpty() ? null : new Trailer(key, value);
    }

    /** Whether git printed anything of the commit (old git prints nothing for some merges). */
    boolean hasContent() {
        return authorName != null || date != null || title != null;
    }

    /** Whether the message or the file list was longer than what is kept. */
    boolean cut() {
        return bodyCut || filesCut;
    }

    Commit build() {
        List<Trailer> trailers = new ArrayList<>();
        for (String l : body) {
            Trailer t = trailer(l);
            if (t != null) {
                trailers.add(t);
            }
        }
        return new Commit(hash, title, authorName, authorEmail, date, body, trailers, files, mergeParents);
    }
}

package dev.culprit.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of a long list starts. The lists are paged by key: ordered by outbox row, a page
 * lists the {@link #PAGE} rows that follow the row its query names ({@code /?before=ROW} for the
 * results, newest first; {@code /held?after=ROW} for the held results, oldest first), so that a
 * page deep in the list costs what the first does. The store reads one row more than a page,
 * which tells whether a next page exists.
 *
 * @param path the list's page ({@code /}, {@code /held})
 * @param parameter the query parameter that names the row the page follows
 * @param row that row, or null for the first page
 */
record Keyset(String path, String parameter, Long row) {
    /** Rows on one page. */
    static final int PAGE = 50;
    private static final Pattern QUERY = Pattern.compile("([a-z]+)=([0-9]{1,18})");

    /**
     * The page this query names: the first for no query; empty when the query is anything but
     * {@code PARAMETER=ROW}.
     */
    static Optional<Keyset> of(String path, String parameter, String query) {
        if (query == null) {
            return Optional.of(new Keyset(path, parameter, null));
        }
        Matcher m = QUERY.matcher(query);
        return m.matches() && m.group(1).equals(parameter)
                ? Optional.of(new Keyset(path, parameter, Long.valueOf(m.group(2)))) : Optional.empty();
    }

    /** How many rows to read for the page: one more than it shows. */
    int read() {
        return PAGE + 1;
    }

    /** The rows the page shows, of those {@link #read} returned. */
    static <T> List<T> shown(List<T> read) {
        return read.size() > PAGE ? read.subList(0, PAGE) : read;
    }

    /**
     * Puts into the page's model the link to the next page ({@code next}) when the rows read go
     * beyond this one, and the link to the first ({@code first}) when this is not it.
     */
    <T> void links(Map<String, Object> model, List<T> read, ToLongFunction<T> rowOf) {
        List<T> shown = shown(read);
        if (read.size() > shown.size()) {
            model.put("next", path + "?" + parameter + "=" + rowOf.applyAsLong(shown.get(shown.size() - 1)));
        }
        if (row != null) {
            model.put("first", path);
        }
    }
}

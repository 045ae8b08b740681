package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/**
 * The commit block git printed for the culprit ({@code <h> is the first bad commit}).
 *
 * @param date the raw {@code Date:} value, e.g. {@code Mon Feb 26 15:45:03 2024 -0600}
 * @param body the message lines after the title, un-indented, trailers included
 * @param mergeParents the abbreviated parents of a merge commit, empty otherwise
 */
public record Commit(
        String hash,
        String title,
        String authorName,
        String authorEmail,
        String date,
        List<String> body,
        List<Trailer> trailers,
        List<ChangedFile> files,
        List<String> mergeParents) {
    public Commit {
        Objects.requireNonNull(hash, "hash");
        title = title == null ? "" : title;
        body = List.copyOf(body);
        trailers = List.copyOf(trailers);
        files = List.copyOf(files);
        mergeParents = List.copyOf(mergeParents);
    }

    public boolean isMerge() {
        return !mergeParents.isEmpty();
    }

    /** {@code Name <email>}, as the corpus writes {@code culpritAuthor}; null when unknown. */
    public String author() {
        if (authorName == null && authorEmail == null) {
            return null;
        }
        return (authorName == null ? "" : authorName) + " <" + (authorEmail == null ? "" : authorEmail) + ">";
    }
}

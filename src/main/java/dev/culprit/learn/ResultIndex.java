package dev.culprit.learn;

import dev.culprit.model.MailedResult;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mailed results by what a fix's trailers can point at them with: the credit address their
 * own sidecar gave ({@code Reported-by:}), their links and the archive link of their mail
 * ({@code Closes:} or {@code Link:}).
 */
public final class ResultIndex {
    private final Map<String, List<MailedResult>> byReporter = new HashMap<>();
    private final Map<String, List<MailedResult>> byLink = new HashMap<>();

    /** @param archiveUrl {@code message.archive-url}, or null */
    public ResultIndex(List<MailedResult> results, String archiveUrl) {
        for (MailedResult r : results) {
            if (r.reportedBy() != null) {
                byReporter.computeIfAbsent(r.reportedBy().toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>()).add(r);
            }
            for (String l : r.links()) {
                byLink.computeIfAbsent(Urls.normalise(l), k -> new java.util.ArrayList<>()).add(r);
            }
            if (archiveUrl != null) {
                byLink.computeIfAbsent(Urls.normalise(Urls.archiveLink(archiveUrl, r.messageId())), k -> new java.util.ArrayList<>())
                        .add(r);
            }
        }
    }

    /** The results a fix's trailers point at, each once, in the order first found. */
    public Set<MailedResult> linked(FixTrailers trailers) {
        Set<MailedResult> out = new LinkedHashSet<>();
        trailers.reportedBy().forEach(a -> out.addAll(byReporter.getOrDefault(a, List.of())));
        trailers.links().forEach(l -> out.addAll(byLink.getOrDefault(l, List.of())));
        return out;
    }
}

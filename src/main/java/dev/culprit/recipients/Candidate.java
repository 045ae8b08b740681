package dev.culprit.recipients;

import dev.culprit.model.Recipient;
import java.util.Objects;

/**
 * One address as a source found it, before parsing and de-duplication.
 *
 * @param raw the text as found ({@code a@b.c} or {@code Name <a@b.c>})
 * @param name a display name known apart from {@code raw} (the commit author's), or null
 * @param field the header the source would put it in
 * @param tie how it is tied to the result, for ranking
 * @param reason why it receives the mail, in words a maintainer understands
 */
public record Candidate(String raw, String name, Recipient.Field field, Tie tie, String reason) {
    public Candidate {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(tie, "tie");
        Objects.requireNonNull(reason, "reason");
    }
}

package dev.culprit.replies;

import dev.culprit.model.Recipient;
import java.util.List;
import java.util.Set;

/**
 * The people a result concerns, for deciding who may act on it.
 *
 * @param culpritAuthor the author address of the blamed commit, or null when it names none
 * @param moderators {@code moderation.moderators}
 * @param recipients to whom the result was sent, each a person or a mailing list
 */
public record ResultParties(String culpritAuthor, Set<String> moderators, List<Recipient> recipients) {
    public ResultParties {
        moderators = Set.copyOf(moderators);
        recipients = List.copyOf(recipients);
    }
}

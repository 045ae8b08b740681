package dev.culprit.answering;

import dev.culprit.answering.decide.ResultState;
import dev.culprit.model.Recipient;
import dev.culprit.recipients.CulpritRecipients;
import dev.culprit.replies.ResultParties;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import dev.culprit.store.RepliedResults;
import java.util.List;
import java.util.Set;

/** A stored result as the decision sees it: its standing, and the people who may act on it. */
final class ResultView {
    private ResultView() {
    }

    static ResultState state(RepliedResults.Found f) {
        return new ResultState(f.key().value(), f.key().shortId(), standing(f.state()), f.culprit(), f.subject(),
                f.labellable());
    }

    static ResultState.Standing standing(OutboxState s) {
        switch (s) {
            case SENT:
                return ResultState.Standing.SENT;
            case HELD:
                return ResultState.Standing.HELD;
            case RETRACTED:
                return ResultState.Standing.RETRACTED;
            case DROPPED:
                return ResultState.Standing.DROPPED;
            default:
                return ResultState.Standing.NOT_SENT;
        }
    }

    /**
     * The culprit's author, the moderators, and the recipients the result reached: a held result
     * was sent to nobody. The author is the address recorded when the result was stored, whether
     * or not the recipient policy kept them as a recipient; for a result stored before that was
     * recorded, the recipient chosen for being the commit's author (whether or not the mail
     * reached them yet).
     */
    static ResultParties parties(RepliedResults.Found f, Set<String> moderators) {
        List<Recipient> reached = f == null ? List.of() : f.recipients().stream()
                .filter(r -> r.state() == OutboxRecipient.State.SENT).map(OutboxRecipient::recipient).toList();
        return new ResultParties(author(f), moderators, reached);
    }

    /** The blamed commit's author: as recorded, or by the recipients' reasons for a result stored before. */
    static String author(RepliedResults.Found f) {
        if (f == null) {
            return null;
        }
        if (f.authorRecorded()) {
            return f.author();
        }
        return f.recipients().stream()
                .filter(r -> r.recipient().reasons().stream().anyMatch(x -> x.startsWith(CulpritRecipients.AUTHOR_REASON)))
                .map(OutboxRecipient::address).findFirst().orElse(null);
    }
}

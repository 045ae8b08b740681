package dev.culprit.answering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import dev.culprit.store.RepliedResults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who counts as the culprit's author: the address recorded at intake, else (results stored before) the recipients' reasons. */
class ResultViewTest {
    private static final List<OutboxRecipient> RECIPIENTS = List.of(
            new OutboxRecipient(0, new Recipient("maint@example.org", null, Recipient.Field.TO,
                    List.of("maintainer of fs/hfsplus")), OutboxRecipient.State.SENT, null),
            new OutboxRecipient(1, new Recipient("old@example.org", null, Recipient.Field.TO,
                    List.of("author of the culprit commit 7a819b1f87a1")), OutboxRecipient.State.SUPPRESSED, null));

    private static RepliedResults.Found found(boolean recorded, String author) {
        return new RepliedResults.Found(1, new ResultKey("cause|culprit|x|7a819b1f87a1"), OutboxState.SENT, "<r@x>", "s",
                "7a819b1f87a1", true, RECIPIENTS, recorded, author);
    }

    @Test
    void theRecordedAuthorCountsWhetherOrNotARecipientCarriesTheAuthorsReason() {
        assertThat(ResultView.author(found(true, "author@example.org"))).isEqualTo("author@example.org");
        assertThat(ResultView.author(found(true, null))).as("recorded as none: the reason text is not read").isNull();
    }

    @Test
    void aResultStoredBeforeFindsItsAuthorByTheReasonEvenWhenTheMailDidNotReachThem() {
        assertThat(ResultView.author(found(false, null))).isEqualTo("old@example.org");
        assertThat(ResultView.parties(found(false, null), java.util.Set.of()).recipients())
                .extracting(Recipient::address).containsExactly("maint@example.org");
        assertThat(ResultView.author(null)).isNull();
    }
}

package dev.culprit.answering;

import static dev.culprit.answering.Answering.AUTHOR;
import static dev.culprit.answering.Answering.KEY;
import static dev.culprit.answering.Answering.MODERATION;
import static dev.culprit.answering.Answering.PERSON;
import static dev.culprit.answering.Answering.RESULT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.store.Database;
import dev.culprit.store.HistoryEvent;
import dev.culprit.store.HistoryEvent.Kind;
import dev.culprit.store.OutboxState;
import dev.culprit.store.ResultHistory;
import dev.culprit.store.SentAll;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the reply handler does, as a result's history tells it: read back from the store the handler wrote. */
class RepliesInHistoryTest {
    private Database db;
    private Answering a;

    @BeforeEach
    void open() throws Exception {
        db = Database.inMemory();
        a = new Answering(db, 10).with(OutboxState.SENT);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private HistoryEvent only(List<HistoryEvent> events, Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).reduce((x, y) -> {
            throw new AssertionError("two " + kind + " events");
        }).orElseThrow(() -> new AssertionError("no " + kind + " event in " + events));
    }

    @Test
    void theAuthorsWrongShowsTheReplyItsAnswerAndTheRetractionItMade() throws Exception {
        a.handle(new Mail(AUTHOR, RESULT_ID, "#culprit wrong the parent crashes too"));
        assertThat(SentAll.mark(a.outbox, Answering.CLOCK.instant())).isEqualTo(2);

        ResultHistory.History h = new ResultHistory(db).of(KEY.shortId());

        assertThat(h.state()).isEqualTo("retracted");
        HistoryEvent reply = only(h.events(), Kind.REPLY);
        assertThat(reply.summary()).isEqualTo("reply from " + AUTHOR);
        assertThat(reply.fields()).containsEntry("message-id", "<reply.1@example.org>");
        assertThat(reply.fields().get("commands")).startsWith("#culprit wrong the parent crashes too: applied (result "
                + KEY.shortId() + " is withdrawn");
        HistoryEvent answer = only(h.events(), Kind.ANSWER_SENT);
        assertThat(answer.fields()).containsEntry("to", AUTHOR).containsEntry("message-id", reply.fields().get("answer"));
        assertThat(only(h.events(), Kind.RETRACTED).fields()).containsEntry("by", AUTHOR + " (reply <reply.1@example.org>)");
        assertThat(only(h.events(), Kind.RETRACTION_SENT).fields().get("to")).contains(AUTHOR, PERSON);
        assertThat(only(h.events(), Kind.LABEL).fields()).containsEntry("source", "reply").containsEntry("label", "wrong");
        assertThat(h.events()).extracting(HistoryEvent::kind).containsSubsequence(Kind.REPLY, Kind.RETRACTED);
    }

    @Test
    void aPersonsWrongShowsTheNoteToTheModeratorsAndAUnccIsRecorded() throws Exception {
        a.handle(new Mail(PERSON, RESULT_ID, "#culprit wrong not this commit\n#culprit uncc"));
        SentAll.mark(a.outbox, Answering.CLOCK.instant());

        ResultHistory.History h = new ResultHistory(db).of(KEY.shortId());

        assertThat(h.state()).isEqualTo("sent");
        assertThat(only(h.events(), Kind.REPLY).fields().get("commands").lines())
                .satisfiesExactly(l -> assertThat(l).startsWith("#culprit wrong not this commit: applied ("),
                        l -> assertThat(l).startsWith("#culprit uncc: applied ("));
        assertThat(only(h.events(), Kind.REPLY_NOTE_SENT).fields()).containsEntry("to", MODERATION);
        assertThat(a.outbox.suppressions().of(KEY.sha256())).containsExactly(PERSON);
    }
}

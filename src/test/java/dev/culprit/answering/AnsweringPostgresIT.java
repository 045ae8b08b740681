package dev.culprit.answering;

import static dev.culprit.answering.Answering.AUTHOR;
import static dev.culprit.answering.Answering.PERSON;
import static dev.culprit.answering.Answering.RESULT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.replies.ReplyHandler.Disposition;
import dev.culprit.store.Database;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.store.OutboxState;
import dev.culprit.store.RepliedResults;
import dev.culprit.store.StoredResults;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies on a real PostgreSQL server: the author withdraws a result once, however often the reply is handled. */
class AnsweringPostgresIT {
    private static EmbeddedDb postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedDb.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void theAuthorsWrongWithdrawsOnceAndOtherCommandsApplyOnPostgres() throws Exception {
        try (Database db = Database.open(postgres.newDatabase(), EmbeddedDb.USER, null)) {
            Answering a = new Answering(db, 10).with(OutboxState.SENT);
            Mail wrong = new Mail(AUTHOR, RESULT_ID, "#culprit wrong the parent crashes too");

            assertThat(a.handle(wrong)).isEqualTo(Disposition.done("1 command line(s), 1 applied"));
            assertThat(a.handle(wrong.copy("again"))).isEqualTo(Disposition.done("handled before"));
            a.handle(new Mail(PERSON, RESULT_ID, "#culprit confirm\n#culprit uncc\n#culprit unsubscribe").id("<r2@example.org>"));
            a.handle(new Mail(AUTHOR, RESULT_ID, "#culprit wrong").auth().id("<forged@example.org>"));

            assertThat(a.state()).isEqualTo(OutboxState.RETRACTED);
            assertThat(a.mailsLike("retraction|")).hasSize(1);
            assertThat(a.recipients(RepliedResults.ANSWER_PREFIX)).containsExactly(AUTHOR, PERSON);
            assertThat(a.labels()).extracting(l -> l.split(" ")[0]).containsExactly("wrong");
            assertThat(a.commands()).containsExactly("wrong applied", "confirm skipped", "uncc applied", "unsubscribe applied",
                    "wrong skipped");
            assertThat(StoredResults.column(db, "select address from opt_out")).containsExactly(PERSON);
        }
    }
}

package dev.culprit.answering;

import static dev.culprit.answering.Answering.AUTHOR;
import static dev.culprit.answering.Answering.BOT;
import static dev.culprit.answering.Answering.CULPRIT;
import static dev.culprit.answering.Answering.KEY;
import static dev.culprit.answering.Answering.LIST;
import static dev.culprit.answering.Answering.MODERATION;
import static dev.culprit.answering.Answering.MODERATOR;
import static dev.culprit.answering.Answering.PERSON;
import static dev.culprit.answering.Answering.RESULT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.recipients.OptOuts;
import dev.culprit.recipients.RecipientPolicy;
import dev.culprit.replies.ReplyHandler.Disposition;
import dev.culprit.store.Database;
import dev.culprit.store.OutboxState;
import dev.culprit.store.RepliedResults;
import dev.culprit.store.StoredResults;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What replies do to a result in a real H2 store: each of the bad inputs decided here, and the commands. */
class AnsweringHandlerTest {
    private static final String ANSWER = RepliedResults.ANSWER_PREFIX;
    private static final String CORRECTION = "retraction|";
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

    private static Mail from(String sender, String text) {
        return new Mail(sender, RESULT_ID, text);
    }

    private void assertNothingChanged() throws Exception {
        assertThat(a.state()).isEqualTo(OutboxState.SENT);
        assertThat(StoredResults.keys(db)).containsExactly(KEY.value());
        assertThat(a.labels()).isEmpty();
        assertThat(StoredResults.column(db, "select address from opt_out")).isEmpty();
    }

    @Test
    void theAuthorsWrongWithdrawsTheResultInItsThreadAndIsAnsweredOnce() throws Exception {
        Disposition d = a.handle(from(AUTHOR, "#culprit wrong the parent crashes too\n\n> Result key: x"));

        assertThat(d).isEqualTo(Disposition.done("1 command line(s), 1 applied"));
        assertThat(a.state()).isEqualTo(OutboxState.RETRACTED);
        assertThat(a.recipients(CORRECTION)).containsExactly(AUTHOR, PERSON, LIST);
        assertThat(a.message(CORRECTION)).contains("In-Reply-To: " + RESULT_ID)
                .contains("Reason: the parent crashes too (the culprit's author (author@example.org))");
        assertThat(a.labels()).containsExactly(
                "wrong reply - reply <reply.1@example.org> from author@example.org: the parent crashes too");
        assertThat(a.recipients(ANSWER)).containsExactly(AUTHOR);
        String answer = a.message(ANSWER);
        assertThat(answer).contains("In-Reply-To: <reply.1@example.org>", "Auto-Submitted: auto-replied",
                "1. wrong the parent crashes too", "   applied: result " + KEY.shortId() + " is withdrawn");
        assertThat(a.commands()).containsExactly("wrong applied");
        assertThat(a.records()).singleElement().asString().startsWith("<reply.1@example.org> TRUE <culprit.")
                .endsWith(" -");
        assertThat(a.events).containsExactly("received", "wrong applied", "answered");

        Disposition again = a.handle(from(AUTHOR, "#culprit wrong the parent crashes too\n\n> Result key: x").copy("2"));

        assertThat(again).isEqualTo(Disposition.done("handled before"));
        assertThat(a.mailsLike(ANSWER)).hasSize(1);
        assertThat(a.mailsLike(CORRECTION)).hasSize(1);
        assertThat(a.labels()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"opt-out", "deny list"})
    void theAuthorThePolicyKeptFromTheResultStillWithdrawsIt(String removedBy) throws Exception {
        db.close();
        db = Database.inMemory();
        RecipientPolicy policy = removedBy.equals("opt-out") ? RecipientPolicy.defaults().withOptOuts(OptOuts.parse(AUTHOR))
                : new RecipientPolicy(List.of("author@*"), OptOuts.none(), List.of(), RecipientPolicy.DEFAULT_CAP, null);
        a = new Answering(db, 10).viaIntake(policy);
        assertThat(a.recipients(KEY.value())).as("the author is no recipient").containsExactly(PERSON);

        Disposition d = a.handle(from(AUTHOR, "#culprit wrong the parent crashes too"));

        assertThat(d).isEqualTo(Disposition.done("1 command line(s), 1 applied"));
        assertThat(a.state()).isEqualTo(OutboxState.RETRACTED);
        assertThat(a.recipients(CORRECTION)).containsExactly(PERSON);
        assertThat(a.message(CORRECTION)).contains("Reason: the parent crashes too (the culprit's author (author@example.org))");
        assertThat(a.commands()).containsExactly("wrong applied");
    }

    @Test
    void aResultStoredBeforeAuthorsWereRecordedFindsItsAuthorByTheRecipientsReason() throws Exception {
        long id = Long.parseLong(StoredResults.column(db, "select id from outbox where key_hash = ?", KEY.sha256()).get(0));
        db.inTransaction(c -> {
            try (var ps = c.prepareStatement("insert into result_summary (outbox_id) values (?)")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
        assertThat(StoredResults.column(db, "select author_recorded from result_summary")).containsExactly("FALSE");

        a.handle(from(AUTHOR, "#culprit wrong the parent crashes too"));

        assertThat(a.state()).isEqualTo(OutboxState.RETRACTED);
        assertThat(a.message(CORRECTION)).contains("(the culprit's author (author@example.org))");
    }

    @Test
    void aForgedFromWithoutAuthenticationChangesNothingAndNeverBlocksTheGenuineMail() throws Exception {
        Disposition d = a.handle(from(AUTHOR, "#culprit wrong").auth());

        assertThat(d.folder()).isEqualTo(Disposition.Folder.DONE);
        assertThat(d.reason()).isEqualTo("sender not authenticated: no Authentication-Results header from mx.bot.example.net");
        assertNothingChanged();
        assertThat(a.commands()).containsExactly("wrong skipped");
        assertThat(a.events).contains("refused unauthenticated");
        assertThat(StoredResults.column(db, "select message_id from reply_record")).as("the refused mail's Message-ID kept for its record")
                .containsExactly("<reply.1@example.org>");

        assertThat(a.handle(from(AUTHOR, "#culprit wrong"))).isEqualTo(Disposition.done("1 command line(s), 1 applied"));
        assertThat(a.state()).isEqualTo(OutboxState.RETRACTED);
        assertThat(StoredResults.column(db, "select count(*) from reply_record")).containsExactly("2");
    }

    @Test
    void authenticationResultsOfAnotherServerOrBelowTheTopmostOrForAnotherDomainAreNotTrusted() throws Exception {
        List<List<String>> forged = List.of(
                List.of("evil.example.com; dkim=pass header.d=example.org"),
                List.of(Mail.AUTHSERV + "; dkim=fail header.d=example.org", Mail.AUTHSERV + "; dkim=pass header.d=example.org"),
                List.of(Mail.AUTHSERV + "; dkim=pass header.d=evil.org"));
        for (List<String> headers : forged) {
            Disposition d = a.handle(from(AUTHOR, "#culprit wrong").auth(headers.toArray(String[]::new)));

            assertThat(d.reason()).as(headers.toString()).startsWith("sender not authenticated: ");
        }
        assertNothingChanged();
    }

    @Test
    void aReplyToAnUnknownMessageIsToldCulpritCouldNotTellWhichResult() throws Exception {
        Mail m = new Mail(PERSON, "<unknown@example.org>", "#culprit confirm");

        assertThat(a.handle(m).folder()).isEqualTo(Disposition.Folder.DONE);
        assertThat(a.state()).isEqualTo(OutboxState.SENT);
        assertThat(a.labels()).isEmpty();
        assertThat(a.message(ANSWER)).contains("culprit could not tell which result your reply is about: the reply names no"
                + " message culprit sent");
        assertThat(a.commands()).containsExactly("confirm refused");
    }

    @Test
    void aResultKeyLineFindsTheResultWhenThreadingIsBroken() throws Exception {
        Mail m = new Mail(PERSON, null, "#culprit confirm\n\nOn Monday culprit wrote:\n> Result key: " + KEY.shortId());

        a.handle(m);

        assertThat(a.labels()).containsExactly("right reply - reply <reply.1@example.org> from maint@example.org");
    }

    @Test
    void automaticMailIsNeverAnsweredNorActedOn() throws Exception {
        Mail ooo = from(AUTHOR, "#culprit wrong\nI am out of the office until Monday.");
        ooo.autoSubmitted.add("auto-replied");
        Mail bounce = from("mailer-daemon@example.org", "#culprit unsubscribe");
        bounce.returnPath.add("<>");
        bounce.contentType = "multipart/report; report-type=delivery-status; boundary=x";
        Mail ownAnswer = from(BOT, "#culprit wrong");
        ownAnswer.auth(Mail.AUTHSERV + "; dkim=pass header.d=bot.example.net");
        ownAnswer.autoSubmitted.add("auto-replied");

        for (Mail m : List.of(ooo, bounce, ownAnswer)) {
            Disposition d = a.handle(m);

            assertThat(d.folder()).isEqualTo(Disposition.Folder.DONE);
            assertThat(d.reason()).startsWith("never answered or acted on: ");
        }
        assertNothingChanged();
        assertThat(a.events).contains("refused automatic");
    }

    @Test
    void aListCopyOfAReplyNeitherActsNorKeepsTheDirectCopyFromActing() throws Exception {
        Mail listCopy = from(AUTHOR, "#culprit wrong").copy("via the list");
        listCopy.precedence.add("list");
        Mail rewritten = from(LIST, "#culprit unsubscribe").copy("From rewritten by the list");

        assertThat(a.handle(listCopy).reason()).isEqualTo("never answered or acted on: Precedence: list");
        assertThat(a.handle(rewritten).reason()).isEqualTo("sent from " + LIST
                + ", a mailing list the result went to (a list copy): never acted on");
        assertNothingChanged();

        assertThat(a.handle(from(AUTHOR, "#culprit wrong")).reason()).isEqualTo("1 command line(s), 1 applied");
        assertThat(a.state()).isEqualTo(OutboxState.RETRACTED);
    }

    @Test
    void fiftyCommandLinesApplyNoneAndTheAnswerSaysWhy() throws Exception {
        a.handle(from(AUTHOR, String.join("\n", Collections.nCopies(50, "#culprit wrong"))));

        assertThat(a.state()).isEqualTo(OutboxState.SENT);
        assertThat(a.labels()).isEmpty();
        assertThat(a.message(ANSWER)).contains("not applied: 50 #culprit lines; at most 3 are read from one reply, so none was"
                + " applied");
        assertThat(a.commands()).containsExactly("too-many refused");
    }

    @Test
    void blameWithSomethingThatIsNotAHashIsRefusedAndAnswered() throws Exception {
        a.handle(from(AUTHOR, "#culprit blame HEAD~1 it is the parent"));

        assertThat(a.state()).isEqualTo(OutboxState.SENT);
        assertThat(a.message(ANSWER)).contains("refused: not applied: line 1: \"HEAD~1\" is not a commit hash");
    }

    @Test
    void blameWithAHashWithdrawsAndNamesTheCommit() throws Exception {
        a.handle(from(MODERATOR, "#culprit blame 0123456789ab"));

        assertThat(a.state()).isEqualTo(OutboxState.RETRACTED);
        assertThat(a.message(CORRECTION)).contains("0123456789ab");
        assertThat(a.labels()).containsExactly("wrong reply 0123456789ab reply <reply.1@example.org> from mod@example.org");
    }

    @Test
    void aHeaderInjectionInTheSubjectProducesNoHeader() throws Exception {
        Mail m = from(PERSON, "#culprit confirm");
        m.subject = "Re: x\r\nBcc: victim@example.com";

        a.handle(m);

        String answer = a.message(ANSWER);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        assertThat(head).contains("Subject: Re: x Bcc: victim@example.com").doesNotContain("\r\nBcc:");
        assertThat(a.recipients(ANSWER)).containsExactly(PERSON);
    }

    @Test
    void anotherPersonsWrongLabelsItAndTellsTheModerationAddress() throws Exception {
        a.handle(from(PERSON, "#culprit wrong bisected into a merge"));

        assertThat(a.state()).isEqualTo(OutboxState.SENT);
        assertThat(a.labels()).containsExactly(
                "wrong reply - reply <reply.1@example.org> from maint@example.org: bisected into a merge");
        assertThat(a.recipients(RepliedResults.NOTE_PREFIX)).containsExactly(MODERATION);
        assertThat(a.message(RepliedResults.NOTE_PREFIX)).contains("culprit retract " + KEY.shortId());
    }

    @Test
    void unccAndUnsubscribeAreRecordedForTheSender() throws Exception {
        a.handle(from(PERSON, "#culprit uncc\n#culprit unsubscribe"));

        assertThat(StoredResults.column(db, "select address from result_suppression where result_hash = ?", KEY.sha256()))
                .containsExactly(PERSON);
        assertThat(StoredResults.column(db, "select address from opt_out")).containsExactly(PERSON);
        assertThat(a.commands()).containsExactly("uncc applied", "unsubscribe applied");
    }

    @Test
    void aModeratorReleasesAHeldResultAndOthersMayNot() throws Exception {
        db.close();
        db = Database.inMemory();
        a = new Answering(db, 10).with(OutboxState.HELD);

        a.handle(from(PERSON, "#culprit release").id("<r1@example.org>"));
        assertThat(a.state()).isEqualTo(OutboxState.HELD);
        a.handle(from(MODERATOR, "#culprit release").id("<r2@example.org>"));
        assertThat(a.state()).isEqualTo(OutboxState.PENDING);
        assertThat(a.commands()).containsExactly("release refused", "release applied");
    }

    @Test
    void theAuthorsWrongDropsAHeldResult() throws Exception {
        db.close();
        db = Database.inMemory();
        a = new Answering(db, 10).with(OutboxState.HELD);

        a.handle(from(AUTHOR, "#culprit wrong release commit"));

        assertThat(a.state()).isEqualTo(OutboxState.DROPPED);
        assertThat(StoredResults.column(db, "select reason from moderation_decision"))
                .containsExactly("release commit (the culprit's author (author@example.org))");
    }

    @Test
    void overTheAnswerCapCommandsApplyAndTheAnswerIsLeftOutAndRecorded() throws Exception {
        db.close();
        db = Database.inMemory();
        a = new Answering(db, 1).with(OutboxState.SENT);

        a.handle(from(PERSON, "#culprit confirm").id("<r1@example.org>"));
        a.handle(from(PERSON, "#culprit uncc").id("<r2@example.org>"));

        assertThat(a.mailsLike(ANSWER)).hasSize(1);
        assertThat(a.commands()).containsExactly("confirm applied", "uncc applied");
        assertThat(a.records().get(1)).endsWith("- answer left out: 1 answers to maint@example.org in the last hour"
                + " (replies.answers-per-hour: 1)");
    }

    @Test
    void aSenderNoHeaderCanCarryStillHasTheCommandsAppliedWithoutAnAnswer() throws Exception {
        a.handle(from("jörg@example.org", "#culprit uncc\n#culprit unsubscribe"));

        assertThat(StoredResults.column(db, "select address from result_suppression")).containsExactly("jörg@example.org");
        assertThat(StoredResults.column(db, "select address from opt_out")).isEmpty();
        assertThat(a.mailsLike(ANSWER)).isEmpty();
        assertThat(a.records().get(0)).endsWith("answer left out: the answer cannot be written: not a plain ASCII address:"
                + " \"jörg@example.org\"");
    }

    @Test
    void aMailWithoutACommandGetsNoAnswer() throws Exception {
        Disposition d = a.handle(from(AUTHOR, "Thanks, looking into it."));

        assertThat(d).isEqualTo(Disposition.done("no #culprit command"));
        assertNothingChanged();
    }

    @Test
    void anOversizedMailGoesToFailedAndOnlyAnAuthenticatedSenderIsTold() throws Exception {
        Mail big = from(AUTHOR, null);
        big.problem = "10485760 bytes, over replies.max-bytes (1048576)";
        big.oversized = true;
        big.size = 10_485_760;
        Mail forged = from(PERSON, null).auth();
        forged.problem = big.problem;
        forged.oversized = true;

        Disposition d = a.handle(big);
        Disposition f = a.handle(forged);

        assertThat(d).isEqualTo(Disposition.failed("cannot be read: 10485760 bytes, over replies.max-bytes (1048576); the"
                + " sender is told"));
        assertThat(f).isEqualTo(Disposition.failed("cannot be read: 10485760 bytes, over replies.max-bytes (1048576)"));
        assertThat(a.recipients(ANSWER)).containsExactly(AUTHOR);
        assertThat(a.handle(big)).isEqualTo(Disposition.done("handled before"));
        assertThat(a.events).contains("failed too-large");
    }

    @Test
    void aMalformedMailGoesToFailedUnanswered() throws Exception {
        Mail bad = from(AUTHOR, null);
        bad.problem = "malformed MIME: missing boundary";

        assertThat(a.handle(bad)).isEqualTo(Disposition.failed("cannot be read: malformed MIME: missing boundary"));
        assertThat(a.mailsLike(ANSWER)).isEmpty();
    }

    @Test
    void aReplyToCulpritsOwnAnswerFindsTheResult() throws Exception {
        a.handle(from(PERSON, "#culprit confirm").id("<r1@example.org>"));
        String answerId = StoredResults.column(db, "select message_id from outbox where result_key like 'answer|%'").get(0);

        a.handle(new Mail(PERSON, answerId, "#culprit uncc").id("<r2@example.org>"));

        assertThat(StoredResults.column(db, "select address from result_suppression")).containsExactly(PERSON);
    }

    @Test
    void culpritsSentMailsAreKnownByTheirMessageIds() throws Exception {
        RepliedResults results = new RepliedResults(db, Answering.CLOCK);

        assertThat(results.sentByCulprit(RESULT_ID)).isTrue();
        assertThat(results.sentByCulprit("<other@example.org>")).isFalse();
        assertThat(CULPRIT).hasSize(40);
    }
}

package dev.culprit.store;

import static dev.culprit.testing.TestMails.cc;
import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.mime;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.Label;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Verdict;
import dev.culprit.store.HistoryEvent.Kind;
import dev.culprit.store.ReplyRecords.CommandRecord;
import dev.culprit.store.ReplyRecords.Outcome;
import dev.culprit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A result's history composed from the store's tables, on a real migrated store; subclasses pick the database. */
abstract class ResultHistoryContract {
    static final String AUTHOR = "author@example.org";
    static final String LIST = "subsys@vger.kernel.org";
    static final String KEY = "cause|culprit|KASAN: use-after-free in f|" + "7".repeat(40);

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    Database db;
    Outbox outbox;

    abstract Database openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
        outbox = new Outbox(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    void deliverAll() throws Exception {
        assertThat(SentAll.mark(outbox, clock.instant())).isPositive();
    }

    String shortKey() {
        return new ResultKey(KEY).shortId();
    }

    /** A reply about the result, handled as the handler does: claimed, its commands recorded, its answer named. */
    void reply(String messageId, CommandRecord command, String answer) throws Exception {
        db.inTransaction(c -> {
            ReplyRecords r = outbox.replies();
            long id = r.claim(c, new ReplyRecords.Received(new ReplyIdentity(messageId, null, AUTHOR, true),
                    "A. Author <author@example.org>", "dmarc=pass header.from=example.org", new ResultKey(KEY).sha256())).getAsLong();
            r.commands(c, id, List.of(command));
            r.finish(c, id, null, answer, null);
            return id;
        });
    }

    @Test
    void aSentResultRepliedToAndRetractedTellsEverythingInOrder() throws Exception {
        outbox.intake().accept(mail(KEY, to(AUTHOR), cc(LIST)), "found.log", "h1");
        clock.advance(Duration.ofMinutes(1));
        deliverAll();
        clock.advance(Duration.ofMinutes(1));
        outbox.intake().accept(mail(KEY, to(AUTHOR), cc(LIST)), "found-again.log", "h2");
        clock.advance(Duration.ofHours(1));
        reply("<reply-1@example.org>", new CommandRecord("wrong", "the reproducer crashes on the parent", Outcome.APPLIED, null),
                "<culprit.answer.1@culprit.test>");
        Moderation moderation = new Moderation(db, clock);
        SentMail sent = moderation.sent(shortKey());
        ResultKey correction = new ResultKey(Moderation.CORRECTION_PREFIX + KEY);
        moderation.retract(sent, "the reproducer crashes on the parent", null, new QueuedMail(correction,
                correction.messageId("culprit.test"), "found.log", "Re: result", mime(correction.messageId("culprit.test"), "Re: result",
                        "withdrawn", List.of(to(AUTHOR), cc(LIST))), List.of(to(AUTHOR), cc(LIST))));
        clock.advance(Duration.ofMinutes(1));
        deliverAll();

        ResultHistory.History h = new ResultHistory(db).of(shortKey().substring(0, 10));

        assertThat(h.state()).isEqualTo("retracted");
        assertThat(h.shortKey()).isEqualTo(shortKey());
        assertThat(h.events()).extracting(HistoryEvent::kind).containsExactly(Kind.RECEIVED, Kind.ASSESSED, Kind.QUEUED,
                Kind.SENT, Kind.RECEIVED, Kind.REPLY, Kind.RETRACTED, Kind.LABEL, Kind.RETRACTION_SENT);
        assertThat(h.events()).extracting(HistoryEvent::at).isSorted();
        HistoryEvent sentEvent = h.events().get(3);
        assertThat(sentEvent.fields()).containsEntry("to", AUTHOR + ", " + LIST)
                .containsEntry("message-id", new ResultKey(KEY).messageId("culprit.test"));
        assertThat(h.events().get(4).fields()).containsEntry("log", "found-again.log").containsEntry("disposition", "duplicate-result");
        HistoryEvent reply = h.events().get(5);
        assertThat(reply.summary()).isEqualTo("reply from " + AUTHOR);
        assertThat(reply.fields()).containsEntry("message-id", "<reply-1@example.org>")
                .containsEntry("from", "A. Author <author@example.org>")
                .containsEntry("authentication", "dmarc=pass header.from=example.org")
                .containsEntry("commands", "#culprit wrong the reproducer crashes on the parent: applied")
                .containsEntry("answer", "<culprit.answer.1@culprit.test>");
        assertThat(h.events().get(6).fields()).containsEntry("by", AUTHOR + " (reply <reply-1@example.org>)")
                .containsEntry("retraction", correction.messageId("culprit.test"));
        assertThat(h.events().get(7).fields()).containsEntry("label", "wrong").containsEntry("source", "operator");
        assertThat(h.events().get(8).fields()).containsEntry("to", AUTHOR + ", " + LIST);
    }

    @Test
    void aHeldResultReleasedByAnOperatorSaysWhyItWasHeldAndWhoReleasedIt() throws Exception {
        outbox.intake().accept(mail(KEY, Verdict.MODERATE, to(AUTHOR)), "held.log", "h1");
        clock.advance(Duration.ofHours(2));
        new Moderation(db, clock).release(shortKey());
        clock.advance(Duration.ofMinutes(1));
        deliverAll();
        new Labels(db).label(shortKey(), new Label(Label.Value.RIGHT, null, Label.Source.OPERATOR, "fixed by the revert",
                clock.instant()));

        ResultHistory.History h = new ResultHistory(db).of(shortKey());

        assertThat(h.events()).extracting(HistoryEvent::kind).containsExactly(Kind.RECEIVED, Kind.ASSESSED, Kind.HELD,
                Kind.RELEASED, Kind.SENT, Kind.LABEL);
        assertThat(h.events().get(1).fields()).containsEntry("verdict", "moderate");
        assertThat(h.events().get(3).summary()).isEqualTo("released by an operator");
        assertThat(h.events().get(5).fields()).containsEntry("evidence", "fixed by the revert").containsEntry("label", "right");
    }

    @Test
    void aKeyThatNamesNoSingleResultIsRefused() throws Exception {
        outbox.intake().accept(mail(KEY, to(AUTHOR)), "found.log", "h1");
        ResultHistory history = new ResultHistory(db);

        assertThatThrownBy(() -> history.of("00000000")).isInstanceOf(ModerationException.class)
                .hasMessage("no result with key 00000000");
        assertThatThrownBy(() -> history.of("abc")).isInstanceOf(ModerationException.class).hasMessageStartingWith("not a result key");
        assertThatThrownBy(() -> history.of("not-a-key-at-all")).isInstanceOf(ModerationException.class)
                .hasMessageStartingWith("not a result key");
        assertThat(history.of(shortKey().toUpperCase(java.util.Locale.ROOT)).shortKey()).isEqualTo(shortKey());
    }
}

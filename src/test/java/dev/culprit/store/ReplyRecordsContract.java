package dev.culprit.store;

import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.Label;
import dev.culprit.model.ResultKey;
import dev.culprit.store.ReplyRecords.CommandRecord;
import dev.culprit.store.ReplyRecords.Outcome;
import dev.culprit.store.ReplyRecords.Received;
import dev.culprit.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record of handled replies and the per-result suppressions, on a real migrated store; subclasses pick the database. */
abstract class ReplyRecordsContract {
    static final String AUTHOR = "author@example.org";
    static final String MID = "<CAHk-reply-1@mail.example.org>";

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
    Database db;
    Outbox outbox;
    ReplyRecords replies;

    abstract Database openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
        outbox = new Outbox(db, clock);
        replies = outbox.replies();
    }

    @AfterEach
    void close() {
        db.close();
    }

    static ReplyIdentity genuine(String messageId) {
        return new ReplyIdentity(messageId, null, AUTHOR, true);
    }

    static Received received(ReplyIdentity id, String resultHash) {
        return new Received(id, "Author <Author@Example.org>", "dmarc=pass (mx.example.net)", resultHash);
    }

    /** One handling as the handler does it: claim, then the commands and the answer, in one transaction. */
    OptionalLong handle(ReplyIdentity id, String resultHash) throws Exception {
        return db.inTransaction(c -> {
            OptionalLong claimed = replies.claim(c, received(id, resultHash));
            if (claimed.isPresent()) {
                replies.commands(c, claimed.getAsLong(), List.of(new CommandRecord("wrong", "bisected onto a merge", Outcome.APPLIED, null)));
                replies.finish(c, claimed.getAsLong(), null, "<culprit.answer.1@bot.example.net>", null);
            }
            return claimed;
        });
    }

    @Test
    void aReplyIsRecordedOnceWithItsCommandsAndAnswer() throws Exception {
        String result = new ResultKey("cause|culprit|t|" + "a".repeat(40)).sha256();

        assertThat(handle(genuine(MID), result)).isPresent();
        assertThat(handle(genuine(" " + MID + " "), result)).isEmpty();

        ReplyRecords.Reply r = replies.find(genuine(MID)).orElseThrow();
        assertThat(r.receivedAt()).isEqualTo(clock.instant());
        assertThat(r.messageId()).isEqualTo(MID);
        assertThat(r.sender()).isEqualTo(AUTHOR);
        assertThat(r.from()).isEqualTo("Author <Author@Example.org>");
        assertThat(r.authenticated()).isTrue();
        assertThat(r.how()).isEqualTo("dmarc=pass (mx.example.net)");
        assertThat(r.resultHash()).isEqualTo(result);
        assertThat(r.answerId()).isEqualTo("<culprit.answer.1@bot.example.net>");
        assertThat(r.refused()).isNull();
        assertThat(r.commands()).containsExactly(new CommandRecord("wrong", "bisected onto a merge", Outcome.APPLIED, null));
        assertThat(replies.about(result)).containsExactly(r);
        assertThat(count("reply_command")).isEqualTo(1);
    }

    @Test
    void aForgedCopyRefusedFirstDoesNotMarkTheGenuineReplyAsHandled() throws Exception {
        ReplyIdentity forged = new ReplyIdentity(MID, null, "Author@Example.org", false);
        OptionalLong refused = db.inTransaction(c -> {
            OptionalLong id = replies.claim(c, new Received(forged, "author@example.org", "no Authentication-Results", null));
            replies.finish(c, id.getAsLong(), null, null, "the sender is not authenticated");
            return id;
        });

        assertThat(refused).isPresent();
        assertThat(replies.handled(genuine(MID))).isFalse();
        assertThat(handle(genuine(MID), null)).isPresent();
        assertThat(replies.find(forged).orElseThrow().refused()).isEqualTo("the sender is not authenticated");
    }

    @Test
    void aReplyWithoutMessageIdIsKnownByTheDigestOfItsBytes() throws Exception {
        ReplyIdentity a = new ReplyIdentity(null, "0".repeat(64), AUTHOR, true);
        ReplyIdentity b = new ReplyIdentity("", "1".repeat(64), AUTHOR, true);

        assertThat(handle(a, null)).isPresent();
        assertThat(handle(a, null)).isEmpty();
        assertThat(handle(b, null)).isPresent();
        assertThatThrownBy(() -> new ReplyIdentity(null, null, AUTHOR, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyIdentity(null, "not hex", AUTHOR, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandlingRolledBackLeavesTheReplyToHandleAgain() throws Exception {
        String result = new ResultKey("cause|culprit|t|" + "b".repeat(40)).sha256();
        assertThatThrownBy(() -> db.inTransaction(c -> {
            long id = replies.claim(c, received(genuine(MID), result)).getAsLong();
            outbox.suppressions().add(c, result, AUTHOR, "reply " + id);
            throw new IllegalStateException("the process died here");
        })).hasMessage("the process died here");

        assertThat(replies.handled(genuine(MID))).isFalse();
        assertThat(outbox.suppressions().of(result)).isEmpty();
        assertThat(handle(genuine(MID), result)).isPresent();
    }

    @Test
    void claimsOfOneReplyRacingOnSeveralConnectionsHaveOneWinner() throws Exception {
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> run = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return handle(genuine(MID), null).isPresent();
                };
                runs.add(pool.submit(run));
            }
            int wins = 0;
            for (Future<Boolean> f : runs) {
                wins += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("reply_record")).isEqualTo(1);
        assertThat(count("reply_command")).isEqualTo(1);
    }

    @Test
    void retentionRemovesOldReplyRecordsButNeverLabels() throws Exception {
        outbox.intake().accept(mail("cause|culprit|t|" + "c".repeat(40), to(AUTHOR)), "1.log", "h1");
        long resultId = outbox.status().inState(OutboxState.PENDING, 1).get(0).id();
        String result = new ResultKey("cause|culprit|t|" + "c".repeat(40)).sha256();
        handle(genuine("<old@example.org>"), result);
        try (Connection c = db.connection()) {
            Labels.insert(c, resultId, new Label(Label.Value.WRONG, null, Label.Source.REPLY, "reply <old@example.org>",
                    clock.instant()), null);
        }
        clock.advance(Duration.ofDays(40));
        handle(genuine("<new@example.org>"), result);

        assertThat(replies.purgeReceivedBefore(clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);

        assertThat(replies.about(result)).extracting(ReplyRecords.Reply::messageId).containsExactly("<new@example.org>");
        assertThat(count("reply_command")).isEqualTo(1);
        assertThat(count("result_label")).isEqualTo(1);
        // the reply is forgotten, so a copy of it arriving now would be handled again: retention is meant to be long
        assertThat(replies.handled(genuine("<old@example.org>"))).isFalse();
    }

    @Test
    void anAddressIsSuppressedForOneResultOnce() throws Exception {
        String key = "cause|culprit|t|" + "d".repeat(40);
        String result = new ResultKey(key).sha256();
        ResultSuppressions s = outbox.suppressions();

        assertThat(s.add(result, "Author@Example.org", "reply <x@example.org>")).isTrue();
        assertThat(s.add(result, "author@example.org", "again")).isFalse();

        assertThat(s.of(result)).containsExactly(AUTHOR);
        assertThat(s.of(new ResultKey("other").sha256())).isEmpty();
        assertThat(ResultSuppressions.resultHashOf(Moderation.CORRECTION_PREFIX + key)).isEqualTo(result);
        assertThat(ResultSuppressions.resultHashOf(Moderation.NOTICE_PREFIX + key)).isEqualTo(result);
        assertThat(ResultSuppressions.resultHashOf(key)).isEqualTo(result);
        assertThat(ResultSuppressions.resultHashOf(RepliedResults.ANSWER_PREFIX + "0".repeat(64) + "|" + key)).isNotEqualTo(result);
        assertThat(s.forResults(List.of(result, new ResultKey("other").sha256()))).containsOnlyKeys(result);
    }

    int count(String table) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select count(*) from " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package dev.culprit.answering.decide;

import static dev.culprit.answering.decide.Replies.AUTHOR;
import static dev.culprit.answering.decide.Replies.CULPRIT;
import static dev.culprit.answering.decide.Replies.LIST;
import static dev.culprit.answering.decide.Replies.MODERATOR;
import static dev.culprit.answering.decide.Replies.PERSON;
import static dev.culprit.answering.decide.Replies.STRANGER;
import static dev.culprit.answering.decide.Replies.decide;
import static dev.culprit.answering.decide.Replies.result;
import static dev.culprit.answering.decide.ResultState.Standing.DROPPED;
import static dev.culprit.answering.decide.ResultState.Standing.HELD;
import static dev.culprit.answering.decide.ResultState.Standing.NOT_SENT;
import static dev.culprit.answering.decide.ResultState.Standing.RETRACTED;
import static dev.culprit.answering.decide.ResultState.Standing.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.answering.decide.CommandOutcome.Status;
import dev.culprit.answering.decide.Decision.Kind;
import dev.culprit.model.Label;
import dev.culprit.replies.CommandParser;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyTarget;
import dev.culprit.replies.Speaker;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyDeciderTest {
    private static final String KEY = "8aea6061bf7004b21baac457";

    @Test
    void wrongFromTheCulpritsAuthorWithdrawsASentResultAndLabelsItWrong() {
        Decision d = decide(AUTHOR, "#culprit wrong the parent crashes too", result(SENT));

        assertThat(d.kind()).isEqualTo(Kind.ACTED);
        assertThat(d.claimsSender()).isTrue();
        assertThat(d.effects()).containsExactly(
                new Effect.Retract("the parent crashes too (the culprit's author (author@example.org))", null),
                new Effect.AddLabel(Label.Value.WRONG, null,
                        "reply <reply.1@example.org> from author@example.org: the parent crashes too"));
        assertThat(d.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("wrong");
            assertThat(o.arguments()).isEqualTo("the parent crashes too");
            assertThat(o.status()).isEqualTo(Status.APPLIED);
            assertThat(o.text()).startsWith("result " + KEY + " is withdrawn");
        });
        assertThat(d.answer().to()).isEqualTo(AUTHOR);
        assertThat(d.answer().headline()).isEqualTo(
                "Your reply is about result " + KEY + " (\"KASAN: use-after-free in hfsplus_file_extend\").");
    }

    @Test
    void wrongFromAModeratorWithdrawsWithoutAReasonNamingWhoSaidIt() {
        Decision d = decide(MODERATOR, "#culprit wrong", result(SENT));

        assertThat(d.effects()).first().isEqualTo(new Effect.Retract("a moderator (mod@example.org) replied that it is wrong", null));
    }

    @Test
    void wrongFromAnotherPersonItWasSentToLabelsItAndTellsTheModerators() {
        Decision d = decide(PERSON, "#culprit wrong bisected into a merge", result(SENT));

        assertThat(d.effects()).containsExactly(
                new Effect.AddLabel(Label.Value.WRONG, null,
                        "reply <reply.1@example.org> from maint@example.org: bisected into a merge"),
                new Effect.NoteToModeration(PERSON, "wrong", "bisected into a merge", null));
        assertThat(d.outcomes().get(0).text()).isEqualTo(
                "result " + KEY + " is labelled wrong; the moderators are told and decide whether to withdraw it");
    }

    @Test
    void wrongFromSomeoneTheResultWasNotSentToIsRefusedAndAnswered() {
        Decision d = decide(STRANGER, "#culprit wrong", result(SENT));

        assertThat(d.effects()).isEmpty();
        assertThat(d.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.REFUSED);
            assertThat(o.text()).isEqualTo("not applied: someone@example.com is not the culprit's author, a moderator or a"
                    + " person the result was sent to; only they may say wrong");
        });
        assertThat(d.answer()).isNotNull();
    }

    @Test
    void aMailingListTheResultWentToIsNeverActedOnNorAnswered() {
        for (String text : List.of("#culprit wrong", "#culprit unsubscribe", "#culprit uncc")) {
            Decision d = decide(LIST, text, result(SENT));

            assertThat(d.kind()).as(text).isEqualTo(Kind.REFUSED);
            assertThat(d.effects()).as(text).isEmpty();
            assertThat(d.answer()).as(text).isNull();
            assertThat(d.claimsSender()).isFalse();
            assertThat(d.outcomes()).singleElement().extracting(CommandOutcome::status).isEqualTo(Status.SKIPPED);
        }
    }

    @Test
    void wrongOnAHeldResultFromTheAuthorOrAModeratorDropsIt() {
        for (String who : List.of(AUTHOR, MODERATOR)) {
            Decision d = decide(who, "#culprit wrong noop change", result(HELD));

            assertThat(d.effects()).as(who).first().isInstanceOf(Effect.Drop.class);
            assertThat(((Effect.Drop) d.effects().get(0)).why()).startsWith("noop change (");
            assertThat(d.effects()).as(who).noneMatch(e -> e instanceof Effect.Retract);
            assertThat(d.outcomes().get(0).text()).contains("dropped and will never be sent");
        }
    }

    @Test
    void wrongOnAHeldResultFromAPersonLabelsAndNotesOnly() {
        Decision d = decide(PERSON, "#culprit wrong", result(HELD));

        assertThat(d.effects()).extracting(e -> e.getClass().getSimpleName()).containsExactly("AddLabel", "NoteToModeration");
    }

    @Test
    void wrongOnAWithdrawnResultOnlyAnswers() {
        Decision d = decide(AUTHOR, "#culprit wrong", result(RETRACTED));

        assertThat(d.effects()).isEmpty();
        assertThat(d.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.SKIPPED);
            assertThat(o.text()).isEqualTo("result " + KEY + " was already withdrawn; nothing more to do");
        });
        assertThat(d.answer()).isNotNull();
    }

    @Test
    void wrongOnAResultThatWasNeverSentIsRefused() {
        for (ResultState.Standing s : List.of(DROPPED, NOT_SENT)) {
            Decision d = decide(AUTHOR, "#culprit wrong", result(s));

            assertThat(d.effects()).as(s.name()).isEmpty();
            assertThat(d.outcomes().get(0).status()).isEqualTo(Status.REFUSED);
            assertThat(d.outcomes().get(0).text()).endsWith("is " + s.text() + "; there is nothing to withdraw");
        }
    }

    @Test
    void blameWithdrawsAndNamesTheCommitBelievedToBeTheCulprit() {
        Decision d = decide(AUTHOR, "#culprit blame 0123456789AB it is the allocator", result(SENT));

        assertThat(d.effects()).containsExactly(
                new Effect.Retract("it is the allocator (the culprit's author (author@example.org))", "0123456789ab"),
                new Effect.AddLabel(Label.Value.WRONG, "0123456789ab",
                        "reply <reply.1@example.org> from author@example.org: it is the allocator"));
        assertThat(d.outcomes().get(0).arguments()).isEqualTo("0123456789ab it is the allocator");
        assertThat(d.outcomes().get(0).text()).contains("a correction naming 0123456789ab goes to its recipients");
    }

    @Test
    void blameFromAPersonNotesTheCommitForTheModerators() {
        Decision d = decide(PERSON, "#culprit blame 0123456789ab", result(SENT));

        assertThat(d.effects()).contains(new Effect.NoteToModeration(PERSON, "blame", "", "0123456789ab"));
    }

    @Test
    void blameWithSomethingThatIsNotAHashIsRefusedAndAnswered() {
        for (String arg : List.of("HEAD~1", "master", "0123456789a", "0123456789abg")) {
            Decision d = decide(AUTHOR, "#culprit blame " + arg, result(SENT));

            assertThat(d.effects()).as(arg).isEmpty();
            assertThat(d.outcomes()).as(arg).singleElement().satisfies(o -> {
                assertThat(o.name()).isEqualTo("blame");
                assertThat(o.status()).isEqualTo(Status.REFUSED);
                assertThat(o.text()).startsWith("not applied: line 1: \"" + arg + "\" is not a commit hash");
            });
            assertThat(d.answer()).isNotNull();
        }
    }

    @Test
    void confirmLabelsRightForThoseWhoMaySayItAndIsRefusedOtherwise() {
        for (String who : List.of(AUTHOR, MODERATOR, PERSON)) {
            assertThat(decide(who, "#culprit confirm", result(SENT)).effects()).as(who).containsExactly(
                    new Effect.AddLabel(Label.Value.RIGHT, null, "reply <reply.1@example.org> from " + who));
        }
        assertThat(decide(STRANGER, "#culprit confirm", result(SENT)).outcomes().get(0).status()).isEqualTo(Status.REFUSED);
        assertThat(decide(PERSON, "#culprit confirm", result(RETRACTED)).outcomes().get(0).status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void onlyACauseCulpritIsLabelled() {
        ResultState fix = new ResultState("fix|culprit|t|" + CULPRIT, KEY, SENT, CULPRIT, null, false);

        assertThat(decide(PERSON, "#culprit confirm", fix).outcomes().get(0).status()).isEqualTo(Status.REFUSED);
        assertThat(decide(AUTHOR, "#culprit wrong", fix).effects()).singleElement().isInstanceOf(Effect.Retract.class);
    }

    @Test
    void unccAndUnsubscribeAreForAnySenderForThemself() {
        assertThat(decide(STRANGER, "#culprit uncc", result(SENT)).effects()).containsExactly(new Effect.Uncc(STRANGER));
        assertThat(decide(STRANGER, "#culprit unsubscribe", result(SENT)).effects())
                .containsExactly(new Effect.Unsubscribe(STRANGER));
    }

    @Test
    void unsubscribeNeedsNoResultButUnccDoes() {
        Decision d = decide(STRANGER, "#culprit unsubscribe\n#culprit uncc", null);

        assertThat(d.effects()).containsExactly(new Effect.Unsubscribe(STRANGER));
        assertThat(d.outcomes()).extracting(CommandOutcome::status).containsExactly(Status.APPLIED, Status.REFUSED);
        assertThat(d.outcomes().get(1).text())
                .isEqualTo("not applied: no result to apply it to: the reply names no message culprit sent");
        assertThat(d.answer().headline()).isEqualTo(
                "culprit could not tell which result your reply is about: the reply names no message culprit sent.");
    }

    @Test
    void releaseAndDropAreForModeratorsOnHeldResults() {
        assertThat(decide(MODERATOR, "#culprit release", result(HELD)).effects()).containsExactly(new Effect.Release());
        assertThat(decide(MODERATOR, "#culprit drop release commit", result(HELD)).effects()).containsExactly(
                new Effect.Drop("release commit (reply <reply.1@example.org> from mod@example.org)"));
        for (String who : List.of(AUTHOR, PERSON, STRANGER)) {
            Decision d = decide(who, "#culprit release", result(HELD));
            assertThat(d.effects()).as(who).isEmpty();
            assertThat(d.outcomes().get(0).text()).isEqualTo("not applied: release is for moderators only, and " + who
                    + " is not one");
        }
        Decision sent = decide(MODERATOR, "#culprit release", result(SENT));
        assertThat(sent.effects()).isEmpty();
        assertThat(sent.outcomes().get(0).text()).isEqualTo("not applied: result " + KEY + " is sent, not held for moderation");
    }

    @Test
    void eachCommandSeesTheResultAsTheOnesBeforeLeftIt() {
        Decision d = decide(MODERATOR, "#culprit wrong\n#culprit release", result(HELD));

        assertThat(d.effects()).first().isInstanceOf(Effect.Drop.class);
        assertThat(d.outcomes()).extracting(CommandOutcome::status).containsExactly(Status.APPLIED, Status.REFUSED);
        assertThat(d.outcomes().get(1).text()).endsWith("is dropped, not held for moderation");
    }

    @Test
    void moreThanThreeCommandLinesApplyNoneAndTheAnswerSaysWhy() {
        for (int n : List.of(4, 50)) {
            Decision d = decide(AUTHOR, String.join("\n", Collections.nCopies(n, "#culprit wrong")), result(SENT));

            assertThat(d.kind()).isEqualTo(Kind.ACTED);
            assertThat(d.effects()).isEmpty();
            assertThat(d.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.name()).isEqualTo("too-many");
                assertThat(o.status()).isEqualTo(Status.REFUSED);
                assertThat(o.text()).isEqualTo("not applied: " + n + " #culprit lines; at most 3 are read from one reply,"
                        + " so none was applied");
            });
            assertThat(d.answer()).isNotNull();
        }
    }

    @Test
    void aMailWithoutACommandGetsNoAnswer() {
        Decision d = decide(AUTHOR, "Thanks, I will look at it.\n> #culprit wrong", result(SENT));

        assertThat(d.kind()).isEqualTo(Kind.QUIET);
        assertThat(d.answer()).isNull();
        assertThat(d.effects()).isEmpty();
        assertThat(d.claimsSender()).isFalse();
    }

    @Test
    void unauthenticatedMailChangesNothingAndIsNeverAnswered() {
        Decision d = ReplyDecider.decide(Replies.facts(new Speaker(AUTHOR, false, "no Authentication-Results header from mx"),
                "#culprit wrong\n#culprit unsubscribe", result(SENT)));

        assertThat(d.kind()).isEqualTo(Kind.REFUSED);
        assertThat(d.reason()).isEqualTo("sender not authenticated: no Authentication-Results header from mx");
        assertThat(d.effects()).isEmpty();
        assertThat(d.answer()).isNull();
        assertThat(d.claimsSender()).isFalse();
        assertThat(d.outcomes()).extracting(CommandOutcome::status).containsOnly(Status.SKIPPED);
    }

    @Test
    void mailTheLoopGuardRefusesChangesNothingAndIsNeverAnswered() {
        ReplyFacts f = Replies.facts(AUTHOR, "#culprit wrong", result(SENT));
        Decision d = ReplyDecider.decide(new ReplyFacts(f.reply(), f.speaker(), Optional.of("Auto-Submitted: auto-replied"
                + " (automatic mail)"), f.target(), f.result(), f.parties(), f.lines()));

        assertThat(d.kind()).isEqualTo(Kind.REFUSED);
        assertThat(d.effects()).isEmpty();
        assertThat(d.answer()).isNull();
    }

    @Test
    void anAuthenticatedSenderOfAnOversizedMailIsToldSo() {
        IncomingReply big = new IncomingReply("<big@example.org>", "d2", 10_485_760, Replies.headers(), List.of(), "Re: x",
                null, null, null, "over replies.max-bytes (1048576 bytes)", true);
        Decision d = ReplyDecider.decide(new ReplyFacts(big, new Speaker(AUTHOR, true, "dmarc=pass"), Optional.empty(),
                new ReplyTarget.Unknown("unread"), null, Replies.PARTIES, null));

        assertThat(d.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(d.answer().headline()).isEqualTo("Your mail of 10485760 bytes could not be read: over replies.max-bytes"
                + " (1048576 bytes). Nothing in it was applied; please send the commands in a shorter reply, without"
                + " attachments.");
        Decision forged = ReplyDecider.decide(new ReplyFacts(big, new Speaker(AUTHOR, false, "none"), Optional.empty(),
                new ReplyTarget.Unknown("unread"), null, Replies.PARTIES, null));
        assertThat(forged.answer()).isNull();
    }

    @Test
    void aMalformedMailIsNotAnswered() {
        IncomingReply bad = new IncomingReply("<bad@example.org>", "d3", 500, Replies.headers(), List.of(), null, null, null,
                null, "malformed MIME: missing boundary", false);
        Decision d = ReplyDecider.decide(new ReplyFacts(bad, new Speaker(AUTHOR, true, "dmarc=pass"), Optional.empty(),
                new ReplyTarget.Unknown("unread"), null, Replies.PARTIES, null));

        assertThat(d.kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(d.reason()).isEqualTo("cannot be read: malformed MIME: missing boundary");
        assertThat(d.answer()).isNull();
    }

    @Test
    void linesThatCannotBeReadAreRefusedWhileTheOthersApply() {
        Decision d = decide(PERSON, "#culprit confirm\n#culprit frobnicate\n#culprit uncc now", result(SENT));

        assertThat(d.outcomes()).extracting(CommandOutcome::name, CommandOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("confirm", Status.APPLIED),
                org.assertj.core.groups.Tuple.tuple("unknown", Status.REFUSED),
                org.assertj.core.groups.Tuple.tuple("uncc", Status.REFUSED));
        assertThat(d.effects()).hasSize(1);
    }

    @Test
    void theReplyWithoutAValidMessageIdIsNamedByItsDigestInEvidence() {
        ReplyFacts f = Replies.facts(PERSON, "#culprit confirm", result(SENT));
        IncomingReply r = f.reply();
        IncomingReply noId = new IncomingReply("<a\r\nBcc: x@y>", "d1", r.size(), r.headers(), r.authenticationResults(),
                r.subject(), r.inReplyTo(), r.references(), r.text(), null, false);
        Decision d = ReplyDecider.decide(new ReplyFacts(noId, f.speaker(), f.notToAnswer(), f.target(), f.result(),
                f.parties(), CommandParser.parse(r.text())));

        assertThat(((Effect.AddLabel) d.effects().get(0)).evidence())
                .isEqualTo("reply (no Message-ID, digest d1) from maint@example.org");
    }
}

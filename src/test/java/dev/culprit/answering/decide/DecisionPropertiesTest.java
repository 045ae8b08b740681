package dev.culprit.answering.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.replies.CommandParser;
import dev.culprit.replies.Speaker;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What holds for any reply text, any sender and any standing of the result. */
class DecisionPropertiesTest {
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("#culprit wrong", "#culprit blame 7a819b1f87a1 x", "#culprit drop", "#culprit drop why",
                        "#culprit confirm", "#culprit uncc", "#culprit unsubscribe", "#culprit release", "#culprit",
                        "> #culprit wrong", "thanks", ""),
                Arbitraries.strings().all().ofMaxLength(60));
        return line.list().ofMaxSize(8).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<String> senders() {
        return Arbitraries.of(Replies.AUTHOR, Replies.MODERATOR, Replies.PERSON, Replies.LIST, Replies.STRANGER);
    }

    @Provide
    Arbitrary<ResultState> results() {
        return Arbitraries.of(ResultState.Standing.class).map(Replies::result).injectNull(0.2);
    }

    @Property(tries = 1000)
    void unauthenticatedMailChangesNothingAndIsNeverAnswered(@ForAll("texts") String text, @ForAll("senders") String from,
            @ForAll("results") ResultState result) {
        Decision d = ReplyDecider.decide(Replies.facts(new Speaker(from, false, "no"), text, result));

        assertThat(d.effects()).isEmpty();
        assertThat(d.answer()).isNull();
        assertThat(d.claimsSender()).isFalse();
    }

    @Property(tries = 1000)
    void anAuthenticatedPersonIsAnsweredOnceExactlyWhenTheReplyHasACommandLine(@ForAll("texts") String text,
            @ForAll("senders") String from, @ForAll("results") ResultState result) {
        Decision d = Replies.decide(from, text, result);
        boolean commands = CommandParser.parse(text).any();

        assertThat(d.answer() != null).isEqualTo(commands && !from.equals(Replies.LIST));
        assertThat(d.outcomes()).hasSize(countLines(text));
        assertThat(d.outcomes().stream().filter(o -> o.status() == CommandOutcome.Status.APPLIED).count())
                .isLessThanOrEqualTo(CommandParser.MAX_COMMANDS);
        if (d.effects().stream().anyMatch(e -> e instanceof Effect.Retract || e instanceof Effect.Drop
                || e instanceof Effect.Release)) {
            assertThat(from).isIn(Replies.AUTHOR, Replies.MODERATOR);
        }
    }

    /** The outcomes listed for a reply: one per command line, or one for them all when there are too many. */
    private static int countLines(String text) {
        var lines = CommandParser.parse(text);
        return lines.commands().size() + lines.refusals().size();
    }

    @Property(tries = 300)
    void aListIsNeverAnsweredNorActedFor(@ForAll("texts") String text, @ForAll("results") ResultState result) {
        Decision d = Replies.decide(Replies.LIST, text, result);

        assertThat(d.effects()).isEmpty();
        assertThat(d.answer()).isNull();
        assertThat(d.kind()).isIn(Decision.Kind.QUIET, Decision.Kind.REFUSED);
    }
}

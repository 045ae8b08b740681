package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultMatcherTest {
    private static final String RESULT = "<culprit.8aea6061bf7004b21baac457@example.org>";
    private static final String FOLLOW_UP = "<culprit.followup.1@example.org>";
    private final List<String> asked = new ArrayList<>();
    private final ResultMatcher matcher = new ResultMatcher(id -> {
        asked.add(id);
        return Set.of(RESULT, FOLLOW_UP).contains(id);
    });

    @Test
    void takesInReplyToWhenCulpritSentIt() {
        assertThat(matcher.match(" " + RESULT + " (the report)", "<a@x> " + FOLLOW_UP, ""))
                .isEqualTo(new ReplyTarget.MessageId(RESULT, "In-Reply-To"));
    }

    @Test
    void takesTheLastCulpritIdInReferencesWhenInReplyToIsSomeoneElses() {
        assertThat(matcher.match("<reply.of.someone@kernel.org>", RESULT + "\r\n " + FOLLOW_UP + "\r\n <b@kernel.org>", ""))
                .isEqualTo(new ReplyTarget.MessageId(FOLLOW_UP, "References"));
    }

    @Test
    void readsOnlyTheLastFiftyReferences() {
        StringBuilder refs = new StringBuilder(RESULT);
        for (int i = 0; i < 1000; i++) {
            refs.append(" <r").append(i).append("@kernel.org>");
        }
        assertThat(matcher.match(null, refs.toString(), "")).isInstanceOf(ReplyTarget.Unknown.class);
        assertThat(asked).hasSize(ResultMatcher.MAX_REFERENCES);
    }

    @Test
    void fallsBackToTheResultKeyInTheQuotedText() {
        String text = "#culprit wrong\n\n> Result key: 8AEA6061BF7004B21BAAC457\n";
        assertThat(matcher.match("<unknown@kernel.org>", null, text))
                .isEqualTo(new ReplyTarget.Key("8aea6061bf7004b21baac457"));
        assertThat(matcher.match(null, null, "-----Original Message-----\nResult key: 8aea6061bf7004b21baac457"))
                .isEqualTo(new ReplyTarget.Key("8aea6061bf7004b21baac457"));
    }

    @Test
    void cannotTellWhenNothingNamesAResult() {
        assertThat(matcher.match("<unknown@kernel.org>", "<other@kernel.org>", "#culprit wrong\n> Result key: 123"))
                .isEqualTo(new ReplyTarget.Unknown("the reply names no message culprit sent (In-Reply-To, References)"
                        + " and its text no \"Result key:\" line"));
        assertThat(matcher.match(null, null, null)).isInstanceOf(ReplyTarget.Unknown.class);
    }

    @Test
    void cannotTellWhenTheTextNamesTwoResults() {
        String text = "> Result key: 8aea6061bf7004b21baac457\n>> Result key: 000000000000000000000001\n";
        assertThat(matcher.match(null, null, text)).isEqualTo(new ReplyTarget.Unknown("the text names 2 result keys"
                + " (8aea6061bf7004b21baac457, 000000000000000000000001) and the reply names no message culprit sent"));
    }

    @Test
    void findsTheKeyQuotedInAnHtmlOnlyReplyInItsWholeTextButNeverInItsOwnText() {
        ReplyBody body = ReplyBody.html("<div>#culprit wrong flaky</div><div class=\"gmail_quote\"><blockquote>"
                + "#culprit confirm<br>-- <br>Result key: 8aea6061bf7004b21baac457</blockquote></div>");
        assertThat(matcher.match(null, null, body.text())).isEqualTo(new ReplyTarget.Key("8aea6061bf7004b21baac457"));
        assertThat(matcher.match(null, null, body.ownText())).isInstanceOf(ReplyTarget.Unknown.class);
        assertThat(CommandParser.parse(body.ownText()).commands()).containsExactly(new Command.Wrong("flaky"));
    }

    @Test
    void findsTheKeyQuotedWithAngleBracketsInAPlainTextReply() {
        ReplyBody body = ReplyBody.plain("#culprit wrong flaky\r\n\r\nOn Mon culprit wrote:\r\n> #culprit confirm\r\n"
                + "> -- \r\n> Result key: 8aea6061bf7004b21baac457\r\n");
        assertThat(matcher.match(null, null, body.text())).isEqualTo(new ReplyTarget.Key("8aea6061bf7004b21baac457"));
        assertThat(CommandParser.parse(body.ownText()).commands()).containsExactly(new Command.Wrong("flaky"));
    }
}

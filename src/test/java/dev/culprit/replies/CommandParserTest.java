package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    @Test
    void readsEveryCommand() {
        assertThat(CommandParser.parse("#culprit wrong").commands()).containsExactly(new Command.Wrong(""));
        assertThat(CommandParser.parse("#culprit wrong  the test is flaky ").commands())
                .containsExactly(new Command.Wrong("the test is flaky"));
        assertThat(CommandParser.parse("#culprit blame 7A819B1F87A1 it was the merge").commands())
                .containsExactly(new Command.Blame("7a819b1f87a1", "it was the merge"));
        assertThat(CommandParser.parse("#culprit confirm\n#culprit uncc\n#culprit unsubscribe").commands())
                .containsExactly(new Command.Confirm(), new Command.Uncc(), new Command.Unsubscribe());
        assertThat(CommandParser.parse("#culprit release\n#culprit drop not for the list").commands())
                .containsExactly(new Command.Release(), new Command.Drop("not for the list"));
    }

    @Test
    void ignoresCaseAndLeadingBlanksButNotALongerWord() {
        CommandLines lines = CommandParser.parse("  #Culprit CONFIRM\n#culprits wrong\nsay #culprit wrong");
        assertThat(lines.commands()).containsExactly(new Command.Confirm());
        assertThat(lines.refusals()).isEmpty();
    }

    @Test
    void aReplyWithoutCommandLinesHasNone() {
        CommandLines lines = CommandParser.parse("Thanks, looks right.\n");
        assertThat(lines.any()).isFalse();
    }

    @Test
    void moreThanThreeCommandLinesApplyNone() {
        String text = "#culprit confirm\n".repeat(50);
        CommandLines lines = CommandParser.parse(text);
        assertThat(lines.commands()).isEmpty();
        assertThat(lines.refusals()).extracting(Object::toString)
                .containsExactly("50 #culprit lines; at most 3 are read from one reply, so none was applied");
        assertThat(CommandParser.parse("#culprit confirm\n".repeat(3)).commands()).hasSize(3);
        assertThat(CommandParser.parse("#culprit confirm\n".repeat(4)).commands()).isEmpty();
    }

    @Test
    void refusesABlameWithoutAHash() {
        assertThat(refusal("hi\n#culprit blame HEAD~1 the parent"))
                .isEqualTo("line 2: \"HEAD~1\" is not a commit hash; blame takes 12 to 40 hex digits,"
                        + " as in #culprit blame 7a819b1f87a1");
        assertThat(refusal("#culprit blame 7a819b1f87a")).startsWith("line 1: \"7a819b1f87a\" is not a commit hash");
        assertThat(refusal("#culprit blame " + "a".repeat(41))).contains("is not a commit hash");
        assertThat(refusal("#culprit blame"))
                .isEqualTo("line 1: blame needs the commit now believed to be the culprit: #culprit blame HASH [why]");
        assertThat(CommandParser.parse("#culprit blame " + "f".repeat(40)).commands()).hasSize(1);
    }

    @Test
    void refusesAnUnknownCommandNamingTheCommands() {
        assertThat(refusal("#culprit revert now")).isEqualTo("line 1: unknown command \"revert\"; the commands are:"
                + " wrong [why], blame HASH [why], confirm, uncc, unsubscribe, release, drop WHY");
        assertThat(refusal("#culprit")).startsWith("line 1: no command after #culprit; the commands are:");
    }

    @Test
    void refusesADropWithoutAReasonAndArgumentsWhereNoneAreTaken() {
        assertThat(refusal("#culprit drop")).isEqualTo("line 1: drop needs a reason: #culprit drop WHY");
        assertThat(refusal("#culprit release it now")).isEqualTo("line 1: release takes nothing after it, found \"it now\"");
    }

    @Test
    void appliesTheValidLinesAndRefusesTheOthers() {
        CommandLines lines = CommandParser.parse("#culprit confirm\n#culprit frobnicate\n#culprit uncc");
        assertThat(lines.commands()).containsExactly(new Command.Confirm(), new Command.Uncc());
        assertThat(lines.refusals()).extracting(CommandLines.Refusal::line).containsExactly(2);
        assertThat(lines.refusals().get(0).text()).isEqualTo("#culprit frobnicate");
    }

    @Test
    void controlCharactersNeverReachTheReasonOrTheAnswer() {
        assertThat(CommandParser.parse("#culprit wrong a\u0007b\u202Ec").commands())
                .containsExactly(new Command.Wrong("a?b?c"));
        assertThat(refusal("#culprit x\u0000y")).startsWith("line 1: unknown command \"x?y\"");
        assertThat(refusal("#culprit " + "z".repeat(100))).contains("\"" + "z".repeat(40) + "…\"");
        assertThat(refusal("#culprit wrong " + "w".repeat(501)))
                .isEqualTo("line 1: the reason is 501 characters long; at most 500 are kept");
    }

    @Test
    void commandsCheckThemselves() {
        assertThatThrownBy(() -> new Command.Blame("xyz", "")).hasMessageContaining("not a commit hash");
        assertThatThrownBy(() -> new Command.Drop(" ")).hasMessage("drop needs a reason");
        assertThat(List.of(new Command.Release(), new Command.Drop("x"))).allMatch(Command::moderation);
        assertThat(List.of(new Command.Uncc(), new Command.Unsubscribe())).allMatch(Command::forSelf);
    }

    private static String refusal(String text) {
        CommandLines lines = CommandParser.parse(text);
        assertThat(lines.commands()).isEmpty();
        assertThat(lines.refusals()).hasSize(1);
        return lines.refusals().get(0).toString();
    }
}

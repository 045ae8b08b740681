package dev.culprit.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Label;
import dev.culprit.model.MailedResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixJudgeTest {
    private static final String CULPRIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final MailedResult result = new MailedResult(7, "abcd", "<m@x>", CULPRIT, "net: add the leak", "bot@example.org",
            List.of("https://example.org/bug?id=1"), NOW);

    private static FixCommit fix(String message) {
        return new FixCommit("f".repeat(40), FixTrailers.read(message), "fp", NOW);
    }

    @Test
    void aFixesTrailerWithTwelveHexOfTheCulpritMakesItRight() {
        FixJudge.Judgement j = FixJudge.judge(result, fix("Fixes: 0123456789ab (\"whatever\")\n"), NOW);

        assertThat(j.label()).get().extracting(Label::value, Label::culprit, Label::source)
                .containsExactly(Label.Value.RIGHT, CULPRIT, Label.Source.FIX);
        assertThat(j.label().get().evidence()).isEqualTo("fix " + "f".repeat(40) + "; Fixes: 0123456789ab (\"whatever\")");
    }

    @Test
    void theSameQuotedTitleMakesItRightAfterARebase() {
        FixJudge.Judgement j = FixJudge.judge(result, fix("Fixes: 999999999999 (\"net: add the leak\")\n"), NOW);

        assertThat(j.label()).get().extracting(Label::value).isEqualTo(Label.Value.RIGHT);
    }

    @Test
    void oneOfSeveralFixesTrailersNamingTheCulpritIsEnough() {
        FixJudge.Judgement j = FixJudge.judge(result, fix("Fixes: aaaaaaaaaaaa (\"a\")\nFixes: 0123456789abcdef\n"), NOW);

        assertThat(j.label()).get().extracting(Label::value).isEqualTo(Label.Value.RIGHT);
    }

    @Test
    void fixesTrailersThatAllNameOtherCommitsMakeItWrongAndNameTheCulpritBelieved() {
        FixJudge.Judgement j = FixJudge.judge(result, fix("Fixes: aaaaaaaaaaaa (\"a\")\nFixes: bbbbbbbbbbbb (\"b\")\n"), NOW);

        assertThat(j.label()).get().extracting(Label::value, Label::culprit).containsExactly(Label.Value.WRONG, "aaaaaaaaaaaa");
    }

    @Test
    void aShortPrefixOfTheCulpritDecidesNothing() {
        FixJudge.Judgement j = FixJudge.judge(result, fix("Fixes: 01234567\n"), NOW);

        assertThat(j.label()).isEmpty();
        assertThat(j.why()).contains("shorter than 12");
    }

    @Test
    void aFixWithoutFixesTrailerGivesNoLabel() {
        FixJudge.Judgement j = FixJudge.judge(result, fix("Closes: https://example.org/bug?id=1\n"), NOW);

        assertThat(j.label()).isEmpty();
        assertThat(j.why()).isEqualTo("no Fixes: trailer");
    }

    @Test
    void linksByTheSidecarsCreditTheLinksAndTheArchiveLink() {
        ResultIndex index = new ResultIndex(List.of(result), "https://lore.kernel.org/r/{messageId}");

        assertThat(index.linked(FixTrailers.read("Reported-by: Bot <BOT@example.org>\n"))).containsExactly(result);
        assertThat(index.linked(FixTrailers.read("Closes: HTTPS://EXAMPLE.org/bug?id=1/\n"))).containsExactly(result);
        assertThat(index.linked(FixTrailers.read("Link: https://lore.kernel.org/r/m@x\n"))).containsExactly(result);
        assertThat(index.linked(FixTrailers.read("Reported-by: other@example.org\nLink: https://example.org/bug?id=2\n")))
                .isEmpty();
    }
}

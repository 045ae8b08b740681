package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageTextTest {
    @Test
    void controlCharactersBecomeReplacementMarksButTabsAndNewlinesStay() {
        assertThat(PageText.inert("a\u0000b\u0007c\u001b[0m\u007fd\u0085e\tf\ng", 100)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD[0m\uFFFDd\uFFFDe\tf\ng");
    }

    @Test
    void aLoneSurrogateBecomesAReplacementMarkAndAPairStays() {
        assertThat(PageText.inert("x\uD800y\uDC00z\uD83D\uDE00", 100)).isEqualTo("x\uFFFDy\uFFFDz\uD83D\uDE00");
    }

    @Test
    void aLongTextIsClippedWithAnEllipsis() {
        String clipped = PageText.inert("A".repeat(10_000), 200);

        assertThat(clipped).hasSize(200).endsWith("A\u2026");
        assertThat(PageText.inert("A".repeat(200), 200)).isEqualTo("A".repeat(200));
        assertThat(PageText.inert(null, 10)).isEmpty();
    }

    @Test
    void aCellIsOneLine() {
        assertThat(PageText.cell("one\ntwo\tthree")).isEqualTo("one two three");
    }

    @Test
    void onlyHttpAndHttpsUrlsBecomeLinks() {
        assertThat(PageText.httpUrl("https://syzkaller.appspot.com/bug?extid=1")).hasValue("https://syzkaller.appspot.com/bug?extid=1");
        assertThat(PageText.httpUrl("http://lore.kernel.org/all/x@y/")).hasValue("http://lore.kernel.org/all/x@y/");
        assertThat(PageText.httpUrl("javascript:alert(1)")).isEmpty();
        assertThat(PageText.httpUrl("JAVASCRIPT:alert(1)")).isEmpty();
        assertThat(PageText.httpUrl("data:text/html,<script>alert(1)</script>")).isEmpty();
        assertThat(PageText.httpUrl("//evil.example/x")).isEmpty();
        assertThat(PageText.httpUrl("http:/no-host")).isEmpty();
        assertThat(PageText.httpUrl("https://exa mple.org/")).isEmpty();
        assertThat(PageText.httpUrl(null)).isEmpty();
    }

    @Test
    void timesAreUtcAndAgesKeepTwoUnits() {
        Instant now = Instant.parse("2026-12-07T02:15:51Z");

        assertThat(PageText.time(now)).isEqualTo("2026-12-07 02:15:51 UTC");
        assertThat(PageText.age(now.minusSeconds(3 * 3600 + 12 * 60 + 5), now)).isEqualTo("3 h 12 min");
        assertThat(PageText.age(now.minusSeconds(2 * 86400 + 3600), now)).isEqualTo("2 d 1 h");
        assertThat(PageText.age(now.plusSeconds(10), now)).isEqualTo("0 s");
    }
}

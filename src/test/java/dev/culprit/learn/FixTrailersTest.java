package dev.culprit.learn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixTrailersTest {
    @Test
    void readsTrailersWhateverTheirCaseAndSpacing() {
        FixTrailers t = FixTrailers.read("""
                net: fix a leak

                Some text mentioning fixes in prose.

                FIXES :  0123456789abcdef0123 ("net: add the leak")
                fixes:fedcba987654
                Reported-By: Syzbot <SYZBOT+1234@syzkaller.appspotmail.com>
                closes: <HTTPS://Syzkaller.APPSPOT.com/bug?extid=1234/>
                Link:   http://lore.kernel.org/r/abc@host/\t
                Signed-off-by: A <a@example.org>
                """);

        assertThat(t.fixes()).containsExactly(new FixTrailers.Fixes("0123456789abcdef0123", "net: add the leak"),
                new FixTrailers.Fixes("fedcba987654", null));
        assertThat(t.reportedBy()).containsExactly("syzbot+1234@syzkaller.appspotmail.com");
        assertThat(t.links()).containsExactly("https://syzkaller.appspot.com/bug?extid=1234",
                "https://lore.kernel.org/r/abc@host");
    }

    @Test
    void keepsATitleThatHoldsQuotesAndParentheses() {
        FixTrailers t = FixTrailers.read("Fixes: 0123456789ab (\"x86: use \"y\" (not z)\")\n");

        assertThat(t.fixes()).containsExactly(new FixTrailers.Fixes("0123456789ab", "x86: use \"y\" (not z)"));
    }

    @Test
    void ignoresAFixesTrailerWithoutAHash() {
        FixTrailers t = FixTrailers.read("Fixes: the build\nFixes:\n");

        assertThat(t.fixes()).isEmpty();
        assertThat(t.linksAnything()).isFalse();
    }

    @Test
    void takesABareReportedByAddress() {
        assertThat(FixTrailers.read("Reported-by: bot@example.org\n").reportedBy()).containsExactly("bot@example.org");
    }
}

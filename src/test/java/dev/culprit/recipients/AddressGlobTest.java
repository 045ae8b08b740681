package dev.culprit.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AddressGlobTest {
    @Test
    void matchesTheConfiguredKindsOfPattern() {
        assertThat(AddressGlob.matches("*@vger.kernel.org", "linux-mm@vger.kernel.org")).isTrue();
        assertThat(AddressGlob.matches("*@vger.kernel.org", "linux-mm@vger.kernel.org.example")).isFalse();
        assertThat(AddressGlob.matches("*@lists.*", "dev@lists.example.org")).isTrue();
        assertThat(AddressGlob.matches("*@lists.*", "dev@example.org")).isFalse();
        assertThat(AddressGlob.matches("syzbot+*@Syzkaller.appspotmail.com", "syzbot+1234@syzkaller.appspotmail.com")).isTrue();
        assertThat(AddressGlob.matches("a@example.org", "a@example.org")).isTrue();
        assertThat(AddressGlob.matches("a@example.org", "ba@example.org")).isFalse();
        assertThat(AddressGlob.matches("a*a", "a")).isFalse();
        assertThat(AddressGlob.matches("a*a", "aa")).isTrue();
    }

    @Provide
    Arbitrary<String> globs() {
        return Arbitraries.strings().withChars("ab*@.").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars("ab@.").ofMaxLength(10);
    }

    /** The same answer as the pattern each star turned into {@code .*} and the rest quoted. */
    @Property(tries = 5000)
    void agreesWithTheEquivalentRegularExpression(@ForAll("globs") String glob, @ForAll("keys") String key) {
        Pattern p = Pattern.compile(Arrays.stream(glob.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(Pattern::quote).collect(Collectors.joining(".*")));
        assertThat(AddressGlob.matches(glob, key)).as("%s ~ %s", glob, key).isEqualTo(p.matcher(key).matches());
    }
}

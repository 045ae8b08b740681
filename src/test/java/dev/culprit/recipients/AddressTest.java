package dev.culprit.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {
    @Test
    void parsesBareAddress() {
        assertThat(Address.parse("sandeen@redhat.com")).isEqualTo(new Address("sandeen@redhat.com", null));
    }

    @Test
    void parsesNameAndAddress() {
        assertThat(Address.parse("Eric Sandeen <sandeen@redhat.com>")).isEqualTo(new Address("sandeen@redhat.com", "Eric Sandeen"));
    }

    @Test
    void keepsUnicodeDisplayName() {
        assertThat(Address.parse("Uwe Kleine-König <u.kleine-koenig@pengutronix.de>").name()).isEqualTo("Uwe Kleine-König");
    }

    @Test
    void unquotesQuotedDisplayName() {
        assertThat(Address.parse("\"Doe, John \\\"JD\\\"\" <jd@example.org>").name()).isEqualTo("Doe, John \"JD\"");
    }

    @Test
    void rejectsAddressFollowedByAnother() {
        assertThatThrownBy(() -> Address.parse("<a@b>c@d"))
                .hasMessage("not a single address of the form Name <address>: \"<a@b>c@d\"");
    }

    @Test
    void rejectsNewlineWithBccHeader() {
        assertThatThrownBy(() -> Address.parse("a@b.org\r\nBcc: victim@example.org"))
                .hasMessage("address contains a control character: \"a@b.org\\u000d\\u000aBcc: victim@example.org\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ünï@example.org", "a@exämple.org", "a b@example.org", "a@b@c.org", "a..b@example.org",
        ".a@example.org", "a@-example.org", "a@", "@example.org", "a@example.org, b@example.org", "Name <a@b.org> <c@d.org>",
        "\"quoted\"@example.org", "a@example.org\u0000", "a\u007f@example.org", "Name, Jr <a@b.org>", "a@[127.0.0.1]"})
    void rejectsWhatIsNotAPlainAsciiAddress(String raw) {
        assertThatThrownBy(() -> Address.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsControlCharacterInDisplayName() {
        assertThatThrownBy(() -> new Address("a@b.org", "Evil\nBcc: x@y.org"))
                .hasMessageStartingWith("display name contains a control character");
    }

    private static final String ENCODED_WORD_REFUSED = "an RFC 2047 encoded-word (=?charset?encoding?text?=) is not allowed"
            + " in an address, since mail programs may decode it into other characters: ";

    @Test
    void refusesAnEncodedWordInTheAddressWithItsReason() {
        assertThatThrownBy(() -> Address.parse("=?UTF-8?Q?=0A?=@example.org"))
                .hasMessage(ENCODED_WORD_REFUSED + "\"=?UTF-8?Q?=0A?=@example.org\"");
        assertThatThrownBy(() -> Address.parse("Name <x=?utf-8?b?Cg==?=y@example.org>"))
                .hasMessage(ENCODED_WORD_REFUSED + "\"Name <x=?utf-8?b?Cg==?=y@example.org>\"");
        assertThatThrownBy(() -> Address.of("=??Q??=@example.org")).hasMessageStartingWith(ENCODED_WORD_REFUSED);
        assertThat(Address.isAddrSpec("=?UTF-8?Q?=0A?=@example.org")).isFalse();
    }

    @Test
    void refusesAnEncodedWordInTheDisplayName() {
        assertThatThrownBy(() -> Address.parse("=?UTF-8?Q?boss=40example.org?= <a@example.org>"))
                .hasMessage("display name: " + ENCODED_WORD_REFUSED + "\"=?UTF-8?Q?boss=40example.org?= <a@example.org>\"");
        assertThatThrownBy(() -> new Address("a@example.org", "\"=?UTF-8?B?Cg==?=\""))
                .hasMessageStartingWith("display name: " + ENCODED_WORD_REFUSED);
    }

    @Test
    void keepsAddressesThatOnlyUseTheCharactersOfAnEncodedWord() {
        assertThat(Address.parse("a=b?c@example.org").addrSpec()).isEqualTo("a=b?c@example.org");
        assertThat(Address.parse("=?a@example.org").addrSpec()).isEqualTo("=?a@example.org");
        assertThat(Address.parse("Who? =Me <a@example.org>").name()).isEqualTo("Who? =Me");
    }

    @Test
    void keyAndDomainAreLowerCase() {
        Address a = Address.parse("Some.One@Example.ORG");
        assertThat(a.key()).isEqualTo("some.one@example.org");
        assertThat(a.domain()).isEqualTo("example.org");
        assertThat(a.addrSpec()).isEqualTo("Some.One@Example.ORG");
    }

    /** The grammar {@link Address#isAddrSpec} reads, as a regular expression. */
    private static final Pattern ADDR_SPEC = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    @Provide
    Arbitrary<String> nearAddresses() {
        Arbitrary<String> run = Arbitraries.strings().withChars("aZ09-.+_!~é @\"").ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> label = Arbitraries.oneOf(run, Arbitraries.strings().withChars("a-").ofMinLength(60).ofMaxLength(66),
                Arbitraries.strings().withChars("a").ofMinLength(62).ofMaxLength(65));
        Arbitrary<String> local = Arbitraries.oneOf(run.list().ofMaxSize(4).map(l -> String.join(".", l)),
                Arbitraries.strings().withChars("x.").ofMinLength(60).ofMaxLength(68),
                Arbitraries.strings().withChars("x").ofMinLength(63).ofMaxLength(66));
        Arbitrary<String> domain = Arbitraries.oneOf(label.list().ofMaxSize(5).map(l -> String.join(".", l)),
                label.list().ofMinSize(3).ofMaxSize(5).map(l -> String.join(".", l)));
        return Arbitraries.oneOf(Combinators.combine(local, domain).as((l, d) -> l + "@" + d),
                Arbitraries.strings().withChars("ab.-@").ofMaxLength(12));
    }

    /** The same answer as the grammar's regular expression, with the limits of 64 and 254 characters. */
    @Property(tries = 20000)
    void readsAddressesAsTheirGrammarDoes(@ForAll("nearAddresses") String s) {
        boolean expected = s.length() <= 254 && s.indexOf('@') <= 64 && ADDR_SPEC.matcher(s).matches();
        assertThat(Address.isAddrSpec(s)).as("%s", s).isEqualTo(expected);
    }

    @Test
    void acceptsTheLongestLabelAndLocalPartOnly() {
        String label = "a".repeat(63);
        assertThat(Address.isAddrSpec("x".repeat(64) + "@" + label + ".org")).isTrue();
        assertThat(Address.isAddrSpec("x".repeat(65) + "@example.org")).isFalse();
        assertThat(Address.isAddrSpec("x@" + label + "a.org")).isFalse();
        assertThat(Address.isAddrSpec("x@" + label + "." + label + "." + label + "." + "a".repeat(60))).isTrue();
        assertThat(Address.isAddrSpec("x@" + label + "." + label + "." + label + "." + "a".repeat(61))).isFalse();
        assertThat(Address.isAddrSpec("a.b@-example.org")).isFalse();
        assertThat(Address.isAddrSpec("a..b@example.org")).isFalse();
        assertThat(Address.isAddrSpec("a.b@example-.org")).isFalse();
    }
}

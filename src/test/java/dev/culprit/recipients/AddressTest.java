package dev.culprit.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void keyAndDomainAreLowerCase() {
        Address a = Address.parse("Some.One@Example.ORG");
        assertThat(a.key()).isEqualTo("some.one@example.org");
        assertThat(a.domain()).isEqualTo("example.org");
        assertThat(a.addrSpec()).isEqualTo("Some.One@Example.ORG");
    }
}

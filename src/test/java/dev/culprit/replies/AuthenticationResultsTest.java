package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {
    @Test
    void readsTheRfc8601Example() {
        AuthenticationResults r = AuthenticationResults.parse("example.com;\r\n"
                + "          dkim=pass (good signature) header.d=example.com;\r\n"
                + "          spf=pass (domain of sender permits) smtp.mailfrom=sender@example.net");
        assertThat(r.authservId()).isEqualTo("example.com");
        assertThat(r.problem()).isNull();
        assertThat(r.results()).extracting(Object::toString)
                .containsExactly("dkim=pass header.d=example.com", "spf=pass smtp.mailfrom=sender@example.net");
    }

    @Test
    void readsAVersionCommentsQuotedValuesAndBlanksAroundEquals() {
        AuthenticationResults r = AuthenticationResults.parse(
                "(mx (nested) here) MX.Example.ORG 1 ; DKIM/1 = Pass header.d = \"kernel.org\" (x;y) header.s=k20201202"
                        + " ; dmarc=pass (p=NONE) header.from=kernel.org");
        assertThat(r.authservId()).isEqualTo("mx.example.org");
        assertThat(r.results()).extracting(Object::toString)
                .containsExactly("dkim=pass header.d=kernel.org header.s=k20201202", "dmarc=pass header.from=kernel.org");
    }

    @Test
    void readsNone() {
        AuthenticationResults r = AuthenticationResults.parse("mx.example.org 1; none");
        assertThat(r.problem()).isNull();
        assertThat(r.results()).isEmpty();
    }

    @Test
    void keepsTheIdOfAHeaderItCannotRead() {
        AuthenticationResults r = AuthenticationResults.parse("mx.example.org; dkim pass");
        assertThat(r.authservId()).isEqualTo("mx.example.org");
        assertThat(r.results()).isEmpty();
        assertThat(r.problem()).isEqualTo("cannot read \"dkim pass\"");
        assertThat(AuthenticationResults.parse("mx example org; dkim=pass").problem())
                .isEqualTo("no authserv-id before the first \";\"");
    }
}

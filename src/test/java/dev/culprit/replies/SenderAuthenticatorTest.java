package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SenderAuthenticatorTest {
    private static final String JANE = "Jane@Kernel.org";
    private final SenderAuthenticator auth = SenderAuthenticator.trusting("mx.example.org");

    @Test
    void trustsDmarcPassFromTheOperatorsServer() {
        Speaker s = auth.speaker(List.of(JANE), List.of("mx.example.org; dmarc=pass header.from=kernel.org"));
        assertThat(s).isEqualTo(new Speaker("jane@kernel.org", true, "dmarc=pass by mx.example.org"));
    }

    @Test
    void trustsDkimPassForTheFromDomainOrAParentOfIt() {
        assertThat(auth.speaker(List.of(JANE), List.of("mx.example.org; dkim=pass header.d=kernel.org")).how())
                .isEqualTo("dkim=pass header.d=kernel.org by mx.example.org");
        Speaker sub = auth.speaker(List.of("j@mail.kernel.org"), List.of("mx.example.org; dkim=pass header.d=kernel.org"));
        assertThat(sub.authenticated()).isTrue();
    }

    @Test
    void refusesDkimPassOfAnotherDomain() {
        Speaker s = auth.speaker(List.of(JANE), List.of("mx.example.org; dkim=pass header.d=evil.example;"
                + " spf=fail smtp.mailfrom=evil.example"));
        assertThat(s.authenticated()).isFalse();
        assertThat(s.how()).isEqualTo("the Authentication-Results header from mx.example.org says"
                + " dkim=pass header.d=evil.example; spf=fail smtp.mailfrom=evil.example: no dmarc=pass,"
                + " and no dkim=pass for kernel.org or a parent of it");
        assertThat(auth.speaker(List.of(JANE), List.of("mx.example.org; dkim=pass header.d=evilkernel.org"))
                .authenticated()).isFalse();
        assertThat(auth.speaker(List.of(JANE), List.of("mx.example.org; dkim=pass header.d=org"))
                .authenticated()).isFalse();
        assertThat(auth.speaker(List.of("j@kernel.org"), List.of("mx.example.org; dkim=pass header.d=mail.kernel.org"))
                .authenticated()).isFalse();
    }

    @Test
    void refusesADmarcPassForAnotherFromDomain() {
        assertThat(auth.speaker(List.of(JANE), List.of("mx.example.org; dmarc=pass header.from=evil.example"))
                .authenticated()).isFalse();
    }

    @Test
    void refusesAForgedFromWithNoAuthentication() {
        assertThat(auth.speaker(List.of(JANE), List.of()))
                .isEqualTo(new Speaker("jane@kernel.org", false, "no Authentication-Results header from mx.example.org"));
    }

    @Test
    void ignoresHeadersWithAnotherAuthservId() {
        Speaker s = auth.speaker(List.of(JANE), List.of("mx.evil.example; dmarc=pass", "relay.example.org; dmarc=pass"));
        assertThat(s.authenticated()).isFalse();
        assertThat(s.how()).isEqualTo("no Authentication-Results header from mx.example.org");
    }

    @Test
    void ignoresAForgedPassingHeaderBelowTheGenuineOne() {
        Speaker s = auth.speaker(List.of(JANE), List.of(
                "mx.evil.example; dmarc=pass",
                "mx.example.org; dmarc=fail header.from=kernel.org",
                "mx.example.org; dmarc=pass header.from=kernel.org"));
        assertThat(s.authenticated()).isFalse();
        assertThat(s.how()).startsWith("the Authentication-Results header from mx.example.org says dmarc=fail");
    }

    @Test
    void aGarbledTopmostHeaderIsNotSkippedForAPassingOneBelow() {
        Speaker s = auth.speaker(List.of(JANE), List.of("mx.example.org; garbage", "mx.example.org; dmarc=pass"));
        assertThat(s.authenticated()).isFalse();
        assertThat(s.how()).isEqualTo("the Authentication-Results header from mx.example.org cannot be read:"
                + " cannot read \"garbage\"");
    }

    @Test
    void aCommentCannotForgeAPass() {
        assertThat(auth.speaker(List.of(JANE), List.of("mx.example.org; dmarc=fail (dmarc=pass)")).authenticated())
                .isFalse();
        assertThat(auth.speaker(List.of(JANE), List.of("(mx.example.org; dmarc=pass) mx.evil.example; dmarc=pass"))
                .authenticated()).isFalse();
    }

    @Test
    void severalFromAddressesAreNotAuthenticated() {
        Speaker s = auth.speaker(List.of(JANE, "x@evil.example"), List.of("mx.example.org; dmarc=pass"));
        assertThat(s).isEqualTo(new Speaker("Jane@Kernel.org, x@evil.example", false,
                "2 From addresses; a reply must come from one sender"));
        assertThat(auth.speaker(List.of(), List.of("mx.example.org; dmarc=pass")).how()).isEqualTo("no From address");
        assertThat(auth.speaker(List.of("nobody"), List.of("mx.example.org; dmarc=pass")).how())
                .isEqualTo("From \"nobody\" is not an address");
    }

    @Test
    void withoutAuthenticationTakesFromAsIsButStillOneSender() {
        SenderAuthenticator relay = SenderAuthenticator.withoutAuthentication();
        assertThat(relay.speaker(List.of(JANE), List.of())).isEqualTo(new Speaker("jane@kernel.org", true,
                "From taken as is (replies.require-authentication: false)"));
        assertThat(relay.speaker(List.of(JANE, JANE), List.of()).authenticated()).isFalse();
    }

    @Test
    void needsAnAuthservId() {
        assertThatThrownBy(() -> SenderAuthenticator.trusting(" "))
                .hasMessage("an authserv-id is needed to read Authentication-Results");
    }
}

package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.pages.PageAccess.Decision;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageAccessTest {
    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void onLoopbackTheBoundAddressAndLocalhostPassWithoutLogin() {
        PageAccess a = PageAccess.forBinding("127.0.0.1", 9474, null);

        assertThat(a.needsLogin()).isFalse();
        assertThat(a.decide("127.0.0.1:9474", null)).isEqualTo(Decision.ALLOW);
        assertThat(a.decide("localhost:9474", null)).isEqualTo(Decision.ALLOW);
        assertThat(a.decide("LOCALHOST", null)).isEqualTo(Decision.ALLOW);
        assertThat(a.decide("[::1]:9474", null)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void anyOtherHostIsRefused() {
        PageAccess a = PageAccess.forBinding("127.0.0.1", 9474, null);

        assertThat(a.decide("attacker.example:9474", null)).isEqualTo(Decision.WRONG_HOST);
        assertThat(a.decide("127.0.0.1:9475", null)).isEqualTo(Decision.WRONG_HOST);
        assertThat(a.decide("127.0.0.1", null)).isEqualTo(Decision.WRONG_HOST);
        assertThat(a.decide(null, null)).isEqualTo(Decision.WRONG_HOST);
    }

    @Test
    void beyondLoopbackThePasswordIsRequired() {
        assertThatThrownBy(() -> PageAccess.forBinding("10.0.0.5", 9474, null))
                .hasMessage("metrics.bind 10.0.0.5 is beyond loopback and metrics.password-file is not set");
        PageAccess a = PageAccess.forBinding("10.0.0.5", 9474, "s3cret:with colon");

        assertThat(a.needsLogin()).isTrue();
        assertThat(a.decide("10.0.0.5:9474", null)).isEqualTo(Decision.LOGIN);
        assertThat(a.decide("10.0.0.5:9474", basic("culprit:wrong"))).isEqualTo(Decision.LOGIN);
        assertThat(a.decide("10.0.0.5:9474", basic("culprit:s3cret:with colon"))).isEqualTo(Decision.ALLOW);
        assertThat(a.decide("10.0.0.5:9474", basic("anyone:s3cret:with colon"))).isEqualTo(Decision.ALLOW);
        assertThat(a.decide("10.0.0.5:9474", "Basic not-base64!")).isEqualTo(Decision.LOGIN);
        assertThat(a.decide("10.0.0.5:9474", "Bearer s3cret:with colon")).isEqualTo(Decision.LOGIN);
        assertThat(a.decide("evil.example:9474", basic("culprit:s3cret:with colon"))).isEqualTo(Decision.WRONG_HOST);
    }

    @Test
    void anIpv6AddressIsMatchedInBrackets() {
        PageAccess a = PageAccess.forBinding("2001:db8::5", 9474, "pw");

        assertThat(a.decide("[2001:db8::5]:9474", basic("u:pw"))).isEqualTo(Decision.ALLOW);
    }
}

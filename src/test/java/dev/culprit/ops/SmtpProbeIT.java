package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.testing.GreenMailSetups;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP probe against a real server (GreenMail, plain SMTP and SMTPS, dynamic ports). */
class SmtpProbeIT {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            GreenMailSetups.patient(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS})))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.org", "bot", "s3cret"));

    private static SmtpProbe.Target target(int port, SmtpProbe.Security security, String user, String password) {
        return new SmtpProbe.Target("127.0.0.1", port, security, user, password, "probe.example.org", Duration.ofSeconds(10));
    }

    private static int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    private static List<String> lines(List<SmtpProbe.Check> checks) {
        return checks.stream().map(SmtpProbe.Check::line).toList();
    }

    @Test
    void reportsEachStepAndSendsNothing() {
        List<SmtpProbe.Check> checks = SmtpProbe.probe(target(smtpPort(), SmtpProbe.Security.NONE, "bot", "s3cret"));

        assertThat(lines(checks)).hasSize(4);
        assertThat(lines(checks).get(0)).isEqualTo("smtp connect: ok: 127.0.0.1:" + smtpPort());
        assertThat(lines(checks).get(1)).startsWith("smtp ehlo: ok: server offers ").contains("AUTH ");
        assertThat(lines(checks).get(2)).isEqualTo("smtp starttls: skipped: not used (smtp.security is none)");
        assertThat(lines(checks).get(3)).isEqualTo("smtp auth: ok: logged in as bot");
        assertThat(SmtpProbe.passed(checks)).isTrue();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordFailsTheAuthCheck() {
        List<SmtpProbe.Check> checks = SmtpProbe.probe(target(smtpPort(), SmtpProbe.Security.NONE, "bot", "wrong"));

        assertThat(lines(checks).get(3)).startsWith("smtp auth: failed: login as bot refused: ");
        assertThat(lines(checks)).noneMatch(l -> l.contains("wrong"));
        assertThat(SmtpProbe.passed(checks)).isFalse();
    }

    @Test
    void aServerWithoutStarttlsFailsWhenStarttlsIsRequiredAndThePasswordIsNotSent() {
        List<SmtpProbe.Check> checks = SmtpProbe.probe(target(smtpPort(), SmtpProbe.Security.STARTTLS, "bot", "s3cret"));

        assertThat(lines(checks).get(2)).isEqualTo("smtp starttls: failed: 127.0.0.1:" + smtpPort()
                + " does not offer STARTTLS (smtp.security is starttls; use tls for port 465, or none only for a relay on this host)");
        assertThat(lines(checks).get(3)).isEqualTo("smtp auth: skipped: not tried without STARTTLS: the password would go in clear");
        assertThat(SmtpProbe.passed(checks)).isFalse();
    }

    @Test
    void noAuthCheckWithoutAUsername() {
        List<SmtpProbe.Check> checks = SmtpProbe.probe(target(smtpPort(), SmtpProbe.Security.NONE, null, null));

        assertThat(lines(checks).get(3)).isEqualTo("smtp auth: skipped: no smtp.username configured");
        assertThat(SmtpProbe.passed(checks)).isTrue();
    }

    @Test
    void anUntrustedCertificateFailsTheTlsConnect() {
        int port = greenMail.getSmtps().getPort();
        List<SmtpProbe.Check> checks = SmtpProbe.probe(target(port, SmtpProbe.Security.TLS, "bot", "s3cret"));

        assertThat(lines(checks).get(0)).startsWith("smtp connect: failed: cannot connect to 127.0.0.1:" + port + ": ");
        assertThat(lines(checks).subList(1, 4)).containsExactly(
                "smtp ehlo: skipped: no connection", "smtp starttls: skipped: no connection", "smtp auth: skipped: no connection");
    }

    @Test
    void nothingListeningFailsTheConnectCheck() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<SmtpProbe.Check> checks = SmtpProbe.probe(target(port, SmtpProbe.Security.NONE, null, null));

        assertThat(lines(checks).get(0)).startsWith("smtp connect: failed: cannot connect to 127.0.0.1:" + port + ": ")
                .contains("Connection refused");
        assertThat(SmtpProbe.passed(checks)).isFalse();
    }
}

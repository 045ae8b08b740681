package dev.culprit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.mail.SmtpSecurity;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {
    private final ConfigLoader loader = new ConfigLoader();

    private CulpritConfig read(String yaml) throws ConfigException {
        return loader.read(new StringReader(yaml), "culprit.yaml");
    }

    @Test
    void defaultsAreSafe() throws Exception {
        CulpritConfig c = CulpritConfig.defaults();
        assertThat(c.smtp().security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(c.smtp().port()).isEqualTo(587);
        assertThat(c.smtp().connectTimeout()).isPositive();
        assertThat(c.spool().maxLogBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(c.delivery().lifetime()).isEqualTo(Duration.ofDays(3));
        assertThat(c.paused()).isFalse();
        assertThat(c.state().effectiveJdbcUrl()).startsWith("jdbc:h2:file:/var/lib/culprit/culprit;WRITE_DELAY=0");
    }

    @Test
    void readsTheServiceSections() throws Exception {
        CulpritConfig c = read("""
                spool:
                  dir: /srv/spool
                  settle: PT10S
                state:
                  dir: /srv/state
                  jdbc-url: jdbc:postgresql://db/culprit
                  username: culprit
                  password-env: DB_PASSWORD
                smtp:
                  host: mail.example.org
                  security: tls
                  username: bot
                  password-file: smtp-password
                  ehlo-name: bot.example.org
                delivery:
                  hourly-cap: 50
                  list-patterns: ["*@lists.example.org"]
                schedule:
                  scan-interval: PT5S
                paused: true
                """);
        assertThat(c.spool().dir()).isEqualTo(Path.of("/srv/spool"));
        assertThat(c.spool().settle()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.state().effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db/culprit");
        assertThat(c.smtp().security()).isEqualTo(SmtpSecurity.TLS);
        assertThat(c.smtp().port()).isEqualTo(465);
        assertThat(c.delivery().hourlyCap()).isEqualTo(50);
        assertThat(c.delivery().isListAddress("Kernel@Lists.example.org")).isTrue();
        assertThat(c.delivery().isListAddress("someone@example.org")).isFalse();
        assertThat(c.schedule().scanInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.paused()).isTrue();
    }

    @Test
    void badValuesNameTheirKeyPath() {
        assertThatThrownBy(() -> read("smtp:\n  port: 0\n")).hasMessageStartingWith("culprit.yaml: smtp.port: must be within 1..65535: 0");
        assertThatThrownBy(() -> read("smtp:\n  security: starttsl\n")).hasMessageContaining("smtp.security").hasMessageContaining("starttls, tls or none");
        assertThatThrownBy(() -> read("smtp:\n  username: bot\n")).hasMessageStartingWith("culprit.yaml: smtp.username: needs password-file or password-env");
        assertThatThrownBy(() -> read("spool:\n  max-log-bytes: -1\n")).hasMessageStartingWith("culprit.yaml: spool.max-log-bytes: must be positive");
        assertThatThrownBy(() -> read("state:\n  jdbc-url: jdbc:mysql://x\n")).hasMessageStartingWith("culprit.yaml: state.jdbc-url: only jdbc:h2:");
        assertThatThrownBy(() -> read("delivery:\n  max-backoff: PT1S\n")).hasMessageStartingWith("culprit.yaml: delivery.max-backoff:");
        assertThatThrownBy(() -> read("schedule:\n  scan-intervall: PT1S\n")).hasMessageStartingWith("culprit.yaml: schedule.scan-intervall: unknown key");
    }

    @Test
    void passwordIsReadFromTheCredentialsDirectory(@org.junit.jupiter.api.io.TempDir Path creds) throws Exception {
        java.nio.file.Files.writeString(creds.resolve("smtp-password"), "s3cret\n");
        Secrets s = new Secrets(java.util.Map.of("CREDENTIALS_DIRECTORY", creds.toString(), "OTHER", "x"));
        assertThat(s.read("smtp.password", "smtp-password", null)).isEqualTo("s3cret");
        assertThat(s.read("smtp.password", null, "OTHER")).isEqualTo("x");
        assertThat(s.read("smtp.password", null, null)).isNull();
        assertThatThrownBy(() -> s.read("smtp.password", null, "MISSING")).hasMessage("smtp.password-env: environment variable MISSING is not set");
    }
}

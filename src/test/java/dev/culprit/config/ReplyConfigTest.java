package dev.culprit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.mail.SmtpSecurity;
import dev.culprit.mailbox.ReplySettings;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyConfigTest {
    private static final String SERVER = """
            replies:
              host: imap.example.org
              username: culprit
              password-env: IMAP_PASSWORD
              authserv-id: mx.example.org
            """;
    private final ConfigLoader loader = new ConfigLoader();

    private CulpritConfig read(String yaml) throws ConfigException {
        return loader.read(new StringReader(yaml), "culprit.yaml");
    }

    @Test
    void repliesAreOffUnlessAHostIsSet() throws Exception {
        ReplySettings r = CulpritConfig.defaults().replies();
        assertThat(r.enabled()).isFalse();
        assertThat(r.security()).isEqualTo(SmtpSecurity.TLS);
        assertThat(r.port()).isEqualTo(993);
        assertThat(r.folder()).isEqualTo("INBOX");
        assertThat(r.doneFolder()).isEqualTo("culprit/done");
        assertThat(r.failedFolder()).isEqualTo("culprit/failed");
        assertThat(r.pollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(r.maxBytes()).isEqualTo(1024L * 1024);
        assertThat(r.requireAuthentication()).isTrue();
        assertThat(r.answersPerHour()).isEqualTo(10);
        assertThat(r.answersPerHourTotal()).isEqualTo(100);
        assertThat(r.connectTimeout()).isPositive();
        assertThat(r.readTimeout()).isPositive();
    }

    @Test
    void theExampleConfigurationLeavesRepliesOff() throws Exception {
        assertThat(loader.load(Path.of("config/culprit.yaml")).replies().enabled()).isFalse();
    }

    @Test
    void readsAConfiguredMailbox() throws Exception {
        ReplySettings r = read(SERVER + """
                  security: starttls
                  folder: Replies
                  done-folder: Archive/culprit
                  poll-interval: PT5M
                  max-bytes: 4194304
                  answers-per-hour: 3
                  answers-per-hour-total: 20
                """).replies();
        assertThat(r.enabled()).isTrue();
        assertThat(r.port()).isEqualTo(143);
        assertThat(r.folder()).isEqualTo("Replies");
        assertThat(r.doneFolder()).isEqualTo("Archive/culprit");
        assertThat(r.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.maxBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(r.answersPerHour()).isEqualTo(3);
        assertThat(r.answersPerHourTotal()).isEqualTo(20);
    }

    @Test
    void badValuesNameTheirKeyPath() {
        assertThatThrownBy(() -> read("replies:\n  host: imap.example.org\n"))
                .hasMessageStartingWith("culprit.yaml: replies.username: required when host is set");
        assertThatThrownBy(() -> read("replies:\n  host: imap.example.org\n  username: bot\n  password-env: P\n"))
                .hasMessageStartingWith("culprit.yaml: replies.authserv-id: required while require-authentication is true");
        assertThatThrownBy(() -> read(SERVER + "  security: ssl\n")).hasMessageContaining("replies.security")
                .hasMessageContaining("starttls, tls or none");
        assertThatThrownBy(() -> read(SERVER + "  port: 70000\n"))
                .hasMessageStartingWith("culprit.yaml: replies.port: must be within 1..65535: 70000");
        assertThatThrownBy(() -> read(SERVER + "  poll-interval: PT0.5S\n"))
                .hasMessageStartingWith("culprit.yaml: replies.poll-interval: must be at least 1 s");
        assertThatThrownBy(() -> read(SERVER + "  max-bytes: 100\n"))
                .hasMessageStartingWith("culprit.yaml: replies.max-bytes: must be at least 1024: 100");
        assertThatThrownBy(() -> read(SERVER + "  max-bytes: lots\n"))
                .hasMessageStartingWith("culprit.yaml: replies.max-bytes: expected a whole number, got \"lots\"");
        assertThatThrownBy(() -> read(SERVER + "  answers-per-hour: -1\n"))
                .hasMessageStartingWith("culprit.yaml: replies.answers-per-hour: must not be negative: -1");
        assertThatThrownBy(() -> read(SERVER + "  done-folder: INBOX\n"))
                .hasMessageStartingWith("culprit.yaml: replies.done-folder: folder, done-folder and failed-folder must be three");
        assertThatThrownBy(() -> read(SERVER + "  failed-folder: \"culprit//x\"\n"))
                .hasMessageStartingWith("culprit.yaml: replies.failed-folder: not a folder name");
        assertThatThrownBy(() -> read(SERVER + "  authserv-id: \"mx; dkim=pass\"\n"))
                .hasMessageStartingWith("culprit.yaml: replies.authserv-id: not a host name");
        assertThatThrownBy(() -> read(SERVER + "  require-authentication: maybe\n"))
                .hasMessageStartingWith("culprit.yaml: replies.require-authentication: expected true or false");
    }

    @Test
    void withoutAuthenticationNoAuthservIdIsNeeded() throws Exception {
        ReplySettings r = read("""
                replies:
                  host: imap.example.org
                  username: culprit
                  password-file: imap-password
                  require-authentication: false
                """).replies();
        assertThat(r.requireAuthentication()).isFalse();
        assertThat(r.authservId()).isNull();
    }

    @Test
    void theExampleNamesEveryReplyKeyWithItsDefault() throws Exception {
        String example = Files.readString(Path.of("config/culprit.yaml"));
        ReplySettings d = ReplySettings.defaults();
        assertThat(example).contains("  folder: " + d.folder(), "  done-folder: " + d.doneFolder(),
                "  failed-folder: " + d.failedFolder(), "  max-bytes: " + d.maxBytes(),
                "  answers-per-hour: " + d.answersPerHour(), "  answers-per-hour-total: " + d.answersPerHourTotal());
    }
}

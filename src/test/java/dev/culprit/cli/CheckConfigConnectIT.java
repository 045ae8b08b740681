package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.testing.GreenMailSetups;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code culprit check-config --connect} against GreenMail on a dynamic port. */
class CheckConfigConnectIT {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.org", "bot", "s3cret"));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int checkConfig(String password, String... extra) throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("smtp-password"), password + "\n");
        Files.createDirectories(dir.resolve("spool"));
        Path config = Files.writeString(dir.resolve("culprit.yaml"), """
                spool:
                  dir: %s
                state:
                  dir: %s
                smtp:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  username: bot
                  password-file: %s
                """.formatted(dir.resolve("spool"), dir.resolve("state"), greenMail.getSmtp().getPort(), passwordFile));
        CommandLine cl = new CommandLine(new CheckConfigCommand(c -> (name, log, sidecar) -> null));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] args = new String[extra.length + 2];
        args[0] = "--config";
        args[1] = config.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return cl.execute(args);
    }

    @Test
    void printsOneLinePerCheckAndSendsNothing() throws IOException {
        int code = checkConfig("s3cret", "--connect");

        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().filter(l -> !l.startsWith("template ")).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).endsWith("culprit.yaml: ok");
        assertThat(out.toString()).contains(
                "smtp connect: ok: 127.0.0.1:" + greenMail.getSmtp().getPort() + "\n",
                "smtp ehlo: ok: server offers ",
                "smtp starttls: skipped: not used (smtp.security is none)\n",
                "smtp auth: ok: logged in as bot\n");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedLoginExitsOneAndNeverPrintsThePassword() throws IOException {
        int code = checkConfig("not-the-password", "--connect");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("smtp auth: failed: login as bot refused: ");
        assertThat(out.toString() + err).doesNotContain("not-the-password");
    }

    @Test
    void withoutConnectNoConnectionIsMade() throws IOException {
        int code = checkConfig("s3cret");

        assertThat(code).isZero();
        assertThat(out.toString()).doesNotContain("smtp ");
    }
}

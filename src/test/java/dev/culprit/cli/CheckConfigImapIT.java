package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.culprit.testing.RepliesMailbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code culprit check-config --connect} with a replies mailbox: GreenMail's IMAP server on a dynamic port. */
class CheckConfigImapIT {
    @RegisterExtension
    static GreenMailExtension greenMail = RepliesMailbox.greenMail();

    @TempDir
    Path dir;

    private final RepliesMailbox box = new RepliesMailbox(greenMail);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int checkConfig(String password, String extraYaml, String... args) throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("imap-password"), password + "\n");
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
                """.formatted(dir.resolve("spool"), dir.resolve("state"), greenMail.getSmtp().getPort())
                + box.yaml(passwordFile.toString()) + extraYaml);
        CommandLine cl = new CommandLine(new CheckConfigCommand(c -> (name, log, sidecar) -> null));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void logsInAndOpensTheThreeFoldersCreatingTheMissingOnes() throws Exception {
        int code = checkConfig(RepliesMailbox.PASSWORD, "", "--connect");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains(
                "imap connect: ok: 127.0.0.1:" + greenMail.getImap().getPort() + " (none)\n",
                "imap login: ok: logged in as culprit\n",
                "imap folder INBOX: ok: 0 message(s)\n",
                "imap folder culprit/done: ok: created, 0 message(s)\n",
                "imap folder culprit/failed: ok: created, 0 message(s)\n");
        assertThat(err.toString()).contains("culprit: warning: replies.security: none");
        assertThat(box.exists("culprit.done")).isTrue();
        assertThat(box.exists("culprit.failed")).isTrue();

        out.getBuffer().setLength(0);
        assertThat(checkConfig(RepliesMailbox.PASSWORD, "", "--connect")).isZero();
        assertThat(out.toString()).contains("imap folder culprit/done: ok: 0 message(s)\n");
    }

    @Test
    void aRefusedLoginExitsOneAndNeverPrintsThePassword() throws Exception {
        int code = checkConfig("not-the-password", "", "--connect");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("imap login: failed: login as culprit refused");
        assertThat(out.toString() + err).doesNotContain("not-the-password");
        assertThat(box.exists("culprit.done")).isFalse();
    }

    @Test
    void withoutConnectNoConnectionIsMadeAndAMissingAuthservIdIsAnError() throws Exception {
        assertThat(checkConfig(RepliesMailbox.PASSWORD, "")).isZero();
        assertThat(out.toString()).doesNotContain("imap ");

        int code = checkConfig(RepliesMailbox.PASSWORD, "  require-authentication: false\n");
        assertThat(code).isZero();
        assertThat(err.toString()).contains("culprit: warning: replies.require-authentication: false");
    }

    @Test
    void anUnreadablePasswordFileIsAnError() throws Exception {
        Path config = dir.resolve("culprit.yaml");
        checkConfig(RepliesMailbox.PASSWORD, "");
        Files.writeString(config, Files.readString(config).replace(dir.resolve("imap-password").toString(),
                dir.resolve("missing").toString()));
        CommandLine cl = new CommandLine(new CheckConfigCommand(c -> (name, log, sidecar) -> null));
        StringWriter e = new StringWriter();
        cl.setErr(new PrintWriter(e, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));

        assertThat(cl.execute("--config", config.toString())).isEqualTo(2);
        assertThat(e.toString()).contains("replies.password-file: cannot read " + dir.resolve("missing"));
    }
}

package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PreviewCommandTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String SAMPLE = "cause-culprit-2025-full-current-format.log";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyLogs() throws Exception {
        Files.copy(GOLDEN.resolve(SAMPLE), dir.resolve(SAMPLE));
        Files.copy(GOLDEN.resolve(SAMPLE + ".json"), dir.resolve(SAMPLE + ".json"));
        Files.copy(GOLDEN.resolve("cause-inconclusive-2021-skipped.log"), dir.resolve("inconclusive.log"));
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PreviewCommand(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void printsTheCompleteMessageWithEveryRecipientsReason() throws Exception {
        assertThat(run(dir.resolve(SAMPLE).toString())).isZero();
        String text = out.toString();
        assertThat(text).startsWith("==> " + dir.resolve(SAMPLE) + " <==\nOutcome: culprit; verdict: ")
                .contains("\nTo: sandeen@redhat.com: author of the culprit commit 7a819b1f87a1; Signed-off-by on the culprit commit 7a819b1f87a1;")
                .contains("\nCc: linux-kernel@vger.kernel.org: mailing list that carries all kernel reports\n")
                .contains("\nDate: Fri, 2 Jan 2026 03:04:05 +0000\nFrom: culprit <culprit@localhost>\n")
                .contains("\nIn-Reply-To: <000000000000a1b2c3d4e5f60718@google.com>\n")
                .contains("Reported-by: syzbot+8e4a1e6cd3b7c2f5a1d0@syzkaller.appspotmail.com\n")
                .doesNotContain("\r");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonPrintsOneObjectPerLogPerLine() throws Exception {
        assertThat(run("--json", dir.resolve(SAMPLE).toString(), dir.resolve("inconclusive.log").toString())).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.get("file").asText()).isEqualTo(dir.resolve(SAMPLE).toString());
        assertThat(first.get("outcome").asText()).isEqualTo("culprit");
        assertThat(first.get("verdict").asText()).isIn("mail", "moderate", "skip");
        assertThat(first.get("reasons").isArray()).isTrue();
        assertThat(first.get("subject").asText()).isEqualTo("[culprit] possible deadlock in hfsplus_file_extend: cause bisected to 7a819b1f87a1");
        assertThat(first.get("messageId").asText()).isEqualTo("<culprit.8aea6061bf7004b21baac457@localhost>");
        JsonNode r0 = first.get("recipients").get(0);
        assertThat(r0.get("address").asText()).isEqualTo("sandeen@redhat.com");
        assertThat(r0.get("field").asText()).isEqualTo("to");
        assertThat(r0.get("reasons").get(0).asText()).isEqualTo("author of the culprit commit 7a819b1f87a1");
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertThat(second.get("outcome").asText()).isEqualTo("inconclusive");
        assertThat(second.get("verdict").asText()).isEqualTo("moderate");
    }

    @Test
    void mboxHoldsEveryMessageReadableAgain() throws Exception {
        Path mbox = dir.resolve("out.mbox");
        assertThat(run("--mbox", mbox.toString(), dir.resolve(SAMPLE).toString(), dir.resolve("inconclusive.log").toString())).isZero();
        String text = Files.readString(mbox, StandardCharsets.UTF_8);
        assertThat(text).startsWith("From culprit@localhost Fri Jan  2 03:04:05 2026\nDate: ");
        List<String> messages = new ArrayList<>(List.of(text.split("\n(?=From culprit@localhost )")));
        assertThat(messages).hasSize(2);
        String second = messages.get(1);
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(second.substring(second.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8)));
        assertThat(m.getSubject()).startsWith("[culprit] general protection fault in gfs2_rgrp_dump");
        assertThat(out.toString()).contains("==> " + dir.resolve("inconclusive.log") + " <==").doesNotContain("Message-ID:");
    }

    @Test
    void missingLogFailsWithOneLineAndTheOthersAreStillPreviewed() {
        assertThat(run(dir.resolve("nope.log").toString(), dir.resolve("inconclusive.log").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("culprit: " + dir.resolve("nope.log") + ": no such file\n");
        assertThat(out.toString()).contains("Outcome: inconclusive");
    }

    @Test
    void badSidecarNamesTheFileAndTheKey() throws Exception {
        Files.writeString(dir.resolve("inconclusive.log.json"), "{\"bug-idd\": \"x\"}");
        assertThat(run(dir.resolve("inconclusive.log").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("culprit: " + dir.resolve("inconclusive.log.json") + ": bug-idd: unknown key");
    }

    @Test
    void badConfigExitsWithTwo() throws Exception {
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, "recipients:\n  cap: 0\n");
        assertThat(run("--config", config.toString(), dir.resolve(SAMPLE).toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("culprit: " + config + ": recipients.cap: must be at least 2: 0");
    }

    @Test
    void brokenTemplateOverrideExitsWithTwoBeforeAnyLog() throws Exception {
        Path templates = Files.createDirectory(dir.resolve("templates"));
        Files.writeString(templates.resolve("subject.ftl"), "<#if>");
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, "render:\n  templates: " + templates + "\n");
        assertThat(run("--config", config.toString(), dir.resolve(SAMPLE).toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("culprit: render.templates: template subject.ftl: Syntax error in template \"subject.ftl\" in line 1")
                .hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    /** A real log (syzbot's bisection of "WARNING in bpf_check") cut before its result. */
    private Path cutRealLog() throws Exception {
        String real = Files.readString(Path.of("src/test/resources/corpus/cause-culprit-2020-cc-real-seed.txt"), StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("cut.log"), real.substring(0, real.indexOf("revisions tested: 16")));
    }

    @Test
    void aResultThatWillNotBeMailedSaysSoAndWhyOnItsFirstLineAndShowsNoMessage() throws Exception {
        Path cut = cutRealLog();
        assertThat(run(cut.toString())).isZero();
        String text = out.toString();
        assertThat(text.lines().findFirst()).hasValue("==> " + cut + " <== NOT SENT: the log ends before the bisection's result"
                + " (outcome truncated), so there is nothing to report; no message is shown");
        assertThat(text).contains("\nOutcome: truncated; verdict: skip")
                .doesNotContain("undisclosed-recipients").doesNotContain("Message-ID:").doesNotContain("Subject:")
                .doesNotContain("\nTo: ").doesNotContain("\nFrom: ");
    }

    @Test
    void aResultThatWillNotBeMailedStaysOutOfTheMboxAndSaysWhyInJson() throws Exception {
        Path cut = cutRealLog();
        Path mbox = dir.resolve("out.mbox");
        assertThat(run("--mbox", mbox.toString(), cut.toString(), dir.resolve(SAMPLE).toString())).isZero();
        assertThat(Files.readString(mbox, StandardCharsets.UTF_8).split("\n(?=From culprit@localhost )")).hasSize(1)
                .allSatisfy(m -> assertThat(m).contains("Subject: [culprit] possible deadlock in hfsplus_file_extend"));
        assertThat(out.toString()).startsWith("==> " + cut + " <== NOT SENT: ");
        out.getBuffer().setLength(0);
        assertThat(run("--json", cut.toString(), dir.resolve(SAMPLE).toString())).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(new ObjectMapper().readTree(lines[0]).get("notSent").asText()).startsWith("the log ends before the bisection's result");
        assertThat(new ObjectMapper().readTree(lines[1]).get("notSent").isNull()).isTrue();
    }

    @Test
    void redirectAllShowsWhoWouldHaveReceivedIt() throws Exception {
        Path config = dir.resolve("culprit.yaml");
        Files.writeString(config, "recipients:\n  redirect-to: staging@example.org\n");
        assertThat(run("--config", config.toString(), dir.resolve(SAMPLE).toString())).isZero();
        assertThat(out.toString()).contains("\nTo: staging@example.org: staging: redirect-to sends every mail to this address\n")
                .contains("\nRedirected to: sandeen@redhat.com: author of the culprit commit")
                .contains("\nTo: staging@example.org\n")
                .contains("STAGING: this mail was redirected. It would have gone to:\n");
    }
}

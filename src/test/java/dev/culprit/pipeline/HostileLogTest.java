package dev.culprit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.cli.Culprit;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Problem;
import dev.culprit.model.Recipient;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile logs through the real parser and the whole pipeline: each gives a safe mail or a clear
 * problem, never an injected header, never an evaluated template.
 */
class HostileLogTest {
    private static final String HASH = "7a819b1f87a1047e9632f6cc41488334f2189820";

    private static String sample() throws Exception {
        return Files.readString(GoldenTest.DIR.resolve("cause-culprit-2025-full-current-format.log"), StandardCharsets.UTF_8);
    }

    private static PreparedMail prepare(String log) throws Exception {
        return new Culprit(CulpritConfig.defaults(), GoldenTest.CLOCK).pipeline().prepare("hostile.log", new StringReader(log), null);
    }

    private static String text(PreparedMail m) {
        return new String(m.message(), StandardCharsets.UTF_8);
    }

    private static List<String> headerLines(PreparedMail m) {
        String t = text(m);
        return Arrays.asList(t.substring(0, t.indexOf("\r\n\r\n")).split("\r\n"));
    }

    @Test
    void carriageReturnAndBccInCommitTitleInjectNoHeader() throws Exception {
        String log = sample().replace("first bad commit: " + HASH + " hfsplus: switch to the new mount API",
                "first bad commit: " + HASH + " hfsplus: evil\rBcc: victim@example.org")
                .replace("crash: possible deadlock in hfsplus_file_extend", "crash: WARNING in evil\rBcc: victim@example.org");
        PreparedMail m = prepare(log);
        assertThat(headerLines(m)).noneMatch(l -> l.startsWith("Bcc:")).noneMatch(l -> l.contains("victim"));
        assertThat(m.recipients()).extracting(Recipient::address).doesNotContain("victim@example.org");
        assertThat(m.subject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(text(m).split("\r\n")).noneMatch(l -> l.startsWith("Bcc:"));
    }

    @Test
    void recipientWithNewlineOrAngleTrickIsDroppedWithAProblem() throws Exception {
        String log = sample().replace("recipients (cc): [\"jack@suse.cz\" \"linux-kernel@vger.kernel.org\"]",
                "recipients (cc): [\"evil@example.org\\r\\nBcc: victim@example.org\" \"<a@b>c@d\" \"ctl\\x01@example.org\" \"jack@suse.cz\"]");
        PreparedMail m = prepare(log);
        assertThat(m.recipients()).extracting(Recipient::address)
                .contains("jack@suse.cz")
                .doesNotContain("victim@example.org", "c@d", "a@b", "evil@example.org");
        assertThat(headerLines(m)).noneMatch(l -> l.contains("victim") || l.contains("c@d"));
        assertThat(m.problems()).extracting(Problem::message).anySatisfy(p -> assertThat(p).contains("\"<a@b>c@d\""))
                .anySatisfy(p -> assertThat(p).contains("evil@example.org\\u000d\\u000aBcc: victim@example.org"))
                .anySatisfy(p -> assertThat(p).contains("ctl\\u0001@example.org"));
    }

    @Test
    void tenThousandCcEntriesGiveACappedMail() throws Exception {
        StringBuilder cc = new StringBuilder("recipients (cc): [");
        for (int i = 0; i < 10_000; i++) {
            cc.append(i == 0 ? "" : " ").append("\"p").append(i).append("@example.org\"");
        }
        String log = sample().replace("recipients (cc): [\"jack@suse.cz\" \"linux-kernel@vger.kernel.org\"]", cc + "]");
        PreparedMail m = prepare(log);
        assertThat(m.recipients()).hasSize(20).extracting(Recipient::address)
                .contains("sandeen@redhat.com", "linux-fsdevel@vger.kernel.org");
        assertThat(text(m)).contains("Not mailed because of the recipient limit:\n".replace("\n", "\r\n"))
                .contains("    and ");
        assertThat(m.message().length).isLessThan(40_000);
    }

    @Test
    void freemarkerSyntaxInTitlesIsPrintedLiterally() throws Exception {
        String evil = "${1+1} <#assign x=\"y\"> ${\"id\"?eval} <#include \"/etc/passwd\">";
        String log = sample().replace("first bad commit: " + HASH + " hfsplus: switch to the new mount API",
                "first bad commit: " + HASH + " " + evil)
                .replace("    hfsplus: switch to the new mount API", "    " + evil)
                .replace("possible deadlock in hfsplus_file_extend", evil);
        PreparedMail m = prepare(log);
        assertThat(text(m)).contains("  " + evil + "\r\n").contains("    " + evil + "\r\n")
                .doesNotContain("root:");
        assertThat(m.subject()).isEqualTo("[culprit] " + evil + ": cause bisected to 7a819b1f87a1");
    }

    @Test
    void fiftyMegabyteCrashReportGivesABoundedMail() throws Exception {
        String head = sample();
        head = head.substring(0, head.lastIndexOf("\ncrash: ") + 1);
        StringBuilder log = new StringBuilder(51 * 1024 * 1024).append(head).append("crash: possible deadlock in hfsplus_file_extend\n");
        String line = "ffff88802d2eb0c8 (&HFSPLUS_I(inode)->extents_lock){+.+.}-{3:3}, at: hfsplus_file_extend+0x1e0/0x1cd0\n";
        while (log.length() < 50 * 1024 * 1024) {
            log.append(line);
        }
        log.append("\n");
        PreparedMail m = prepare(log.toString());
        assertThat(m.report().outcome()).isEqualTo(dev.culprit.model.Outcome.CULPRIT);
        assertThat(m.message().length).isLessThan(20_000);
        assertThat(text(m)).contains("[... the report is longer; see the bisection log ...]");
        assertThat(text(m).split("\r\n")).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998));
    }

    @Test
    void aLogLineLongerThan998OctetsIsWrappedInTheBody() throws Exception {
        String log = sample().replace("WARNING: possible circular locking dependency detected",
                "WARNING: " + "ä".repeat(3000));
        PreparedMail m = prepare(log);
        assertThat(text(m).split("\r\n")).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998));
        assertThat(text(m)).contains("ä".repeat(400));
    }
}

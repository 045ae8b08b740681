package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.testing.GreenMailSetups;
import dev.culprit.testing.TestLogs;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One thread per culprit: two results that blame one commit for two crashes arrive as one thread,
 * the second answering the first, each with its own recipients after the policy.
 */
class CulpritThreadIT {
    static final String SEED = "cause-culprit-2020-cc-real-seed";
    static final String FIRST_CRASH = "WARNING in bpf_check";
    static final String SECOND_CRASH = "KASAN: use-after-free Read in bpf_check";

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private Path spool;

    @BeforeEach
    void start() throws IOException {
        greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
        spool = dir.resolve("spool");
        Files.createDirectories(spool.resolve("inbox"));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private Path config(int smtpPort) throws IOException {
        Path c = dir.resolve("culprit.yaml");
        Files.writeString(c, "spool:\n  dir: " + spool + "\n  settle: PT0S\n"
                + "state:\n  dir: " + dir.resolve("state") + "\n"
                + "smtp:\n  host: 127.0.0.1\n  port: " + smtpPort + "\n  security: none\n  ehlo-name: bot.culprit.test\n"
                + "message:\n  from: culprit@bot.culprit.test\n  message-id-domain: bot.culprit.test\n");
        return c;
    }

    static String seed() throws IOException {
        try (InputStream in = CulpritThreadIT.class.getResourceAsStream("/corpus/" + SEED + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The seed log as if the same bisection had started from another crash. */
    static String otherCrash() throws IOException {
        return seed().replace(FIRST_CRASH, SECOND_CRASH);
    }

    static int culprit(String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void twoResultsWithOneCulpritArriveAsOneThreadWithTheirOwnRecipients() throws Exception {
        Path cfg = config(greenMail.getSmtp().getPort());
        TestLogs.drop(spool, "first.log", seed());
        assertThat(culprit("once", "--config", cfg.toString())).isZero();
        assertThat(culprit("opt-out", "yhs@fb.com", "--why", "asked", "--config", cfg.toString())).isZero();
        TestLogs.drop(spool, "second.log", otherCrash());
        assertThat(culprit("once", "--config", cfg.toString())).isZero();

        Map<String, MimeMessage> bySubject = new LinkedHashMap<>();
        Map<String, Set<String>> recipients = new LinkedHashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            bySubject.putIfAbsent(m.getSubject(), m);
            recipients.computeIfAbsent(m.getSubject(), k -> new TreeSet<>()).addAll(addresses(m));
        }
        assertThat(bySubject).hasSize(2);
        MimeMessage first = mail(bySubject, FIRST_CRASH);
        MimeMessage second = mail(bySubject, SECOND_CRASH);
        assertThat(first.getHeader("In-Reply-To")).isNull();
        assertThat(second.getMessageID()).isNotEqualTo(first.getMessageID());
        assertThat(second.getHeader("In-Reply-To")).containsExactly(first.getMessageID());
        assertThat(second.getHeader("References")).containsExactly(first.getMessageID());
        assertThat(second.getSubject()).contains(SECOND_CRASH).contains("94dacdbd5d2d");
        assertThat(((String) second.getContent()).replace("\r\n", "\n"))
                .contains("This commit was also blamed for:\n- " + FIRST_CRASH + "\n");
        assertThat(recipients.get(first.getSubject())).contains("tglx@linutronix.de", "yhs@fb.com");
        Set<String> secondTo = new TreeSet<>(recipients.get(first.getSubject()));
        secondTo.remove("yhs@fb.com");
        assertThat(recipients.get(second.getSubject())).isEqualTo(secondTo);
    }

    @Test
    void aDryRunShowsTheTwoResultsAsOneThreadInTheMbox() throws Exception {
        TestLogs.drop(spool, "a-first.log", seed());
        TestLogs.drop(spool, "b-second.log", otherCrash());
        Path mbox = dir.resolve("out.mbox");
        assertThat(culprit("once", "--dry-run", "--mbox", mbox.toString(), "--config", config(1).toString())).isZero();

        String text = Files.readString(mbox);
        List<String> ids = all(Pattern.compile("(?m)^Message-ID: (<[^>]+>)"), text);
        List<String> replies = all(Pattern.compile("(?m)^In-Reply-To: (<[^>]+>)"), text);
        List<String> references = all(Pattern.compile("(?m)^References: (<[^>]+>)"), text);
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(replies).hasSize(1).containsExactly(ids.get(0));
        assertThat(references).containsExactly(ids.get(0));
        assertThat(text.indexOf("In-Reply-To: ")).isGreaterThan(text.indexOf("Message-ID: " + ids.get(1)) - 2000);
        assertThat(text).contains(SECOND_CRASH);
    }

    private static MimeMessage mail(Map<String, MimeMessage> bySubject, String crash) {
        return bySubject.entrySet().stream().filter(e -> e.getKey().contains(crash)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no mail about " + crash + ": " + bySubject.keySet()));
    }

    private static Set<String> addresses(MimeMessage m) throws Exception {
        Set<String> out = new TreeSet<>();
        for (Message.RecipientType t : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] a = m.getRecipients(t);
            if (a != null) {
                Arrays.stream(a).map(x -> ((InternetAddress) x).getAddress()).forEach(out::add);
            }
        }
        return out;
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

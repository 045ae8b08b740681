package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.culprit.store.EmbeddedDb;
import dev.culprit.testing.GreenMailSetups;
import dev.culprit.testing.TestLogs;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Corpus logs through {@code culprit once} into GreenMail, with the real parser and pipeline. */
class OnceCommandIT {
    private static final String[] MAILED = {
        "cause-culprit-2020-cc-real-seed", "cause-culprit-2022-kconfig-minimization", "fix-culprit-2025-revision-had-bug-checks"
    };
    private static final String HELD = "cause-culprit-2021-merge-commit";

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private Path spool;
    private Path state;

    @BeforeEach
    void start() throws IOException {
        greenMail = new GreenMail(GreenMailSetups.smtp());
        greenMail.start();
        spool = dir.resolve("spool");
        state = dir.resolve("state");
        Files.createDirectories(spool.resolve("inbox"));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private Path config(int smtpPort, String extra) throws IOException {
        Path c = dir.resolve("culprit.yaml");
        Files.writeString(c, "spool:\n  dir: " + spool + "\n  settle: PT0S\n  max-log-bytes: 1000000\n"
                + "state:\n  dir: " + state + "\n"
                + "smtp:\n  host: 127.0.0.1\n  port: " + smtpPort + "\n  security: none\n  ehlo-name: bot.culprit.test\n"
                + "message:\n  from: culprit@bot.culprit.test\n  message-id-domain: bot.culprit.test\n" + extra);
        return c;
    }

    private static String corpus(String name) throws IOException {
        try (InputStream in = OnceCommandIT.class.getResourceAsStream("/corpus/" + name + ".txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    record Run(int code, String out, String err) {}

    static Run culprit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void corpusLogsAreMailedOnceToTheirRecipientsAndArchived() throws Exception {
        for (String name : MAILED) {
            TestLogs.drop(spool, name + ".log", corpus(name));
        }
        TestLogs.drop(spool, HELD + ".log", corpus(HELD));
        Path cfg = config(greenMail.getSmtp().getPort(), "");

        Run first = culprit("once", "--config", cfg.toString());

        assertThat(first.code()).as(first.err()).isZero();
        Map<String, Set<String>> byMessageId = received();
        assertThat(byMessageId).hasSize(3);
        // cause-culprit-2020-cc-real-seed: the log's cc list and the culprit's author
        MimeMessage seed = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains("WARNING in bpf_check"))
                .findFirst().orElseThrow();
        assertThat(seed.getHeader("Message-ID")[0]).startsWith("<culprit.").endsWith("@bot.culprit.test>");
        assertThat(seed.getHeader("From")[0]).contains("culprit@bot.culprit.test");
        assertThat(byMessageId.get(seed.getMessageID())).contains("tglx@linutronix.de", "bpf@vger.kernel.org", "netdev@vger.kernel.org", "ast@kernel.org");
        assertThat(list(spool.resolve("done"))).containsExactlyInAnyOrder("cause-culprit-2020-cc-real-seed.log",
                "cause-culprit-2022-kconfig-minimization.log", "fix-culprit-2025-revision-had-bug-checks.log", HELD + ".log");
        assertThat(list(spool.resolve("inbox"))).isEmpty();

        Run status = culprit("status", "--config", cfg.toString());
        assertThat(status.out()).contains("sent 3").contains("held 1").contains("pending 0")
                .contains("inbox 0, work 0, done 4, failed 0");

        int before = greenMail.getReceivedMessages().length;
        Run second = culprit("once", "--config", cfg.toString());
        assertThat(second.code()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(before);

        // the same content again under another name is not mailed again
        TestLogs.drop(spool, "again.log", corpus(MAILED[0]));
        assertThat(culprit("once", "--config", cfg.toString()).code()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(before);
        assertThat(list(spool.resolve("done"))).contains("again.log");
    }

    @Test
    void aCrashTitleThousandsOfCharactersLongIsStoredAndMailedWithItsNotice() throws Exception {
        String log = corpus(MAILED[0]);
        String title = log.lines().filter(l -> l.startsWith("crash: ")).findFirst().orElseThrow().substring(7);
        TestLogs.drop(spool, "long.log", log.replace(title, title + " " + "x".repeat(3000)));
        Path cfg = config(greenMail.getSmtp().getPort(), "");

        Run r = culprit("once", "--config", cfg.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(received()).hasSize(1);
        assertThat(list(spool.resolve("done"))).containsExactly("long.log");
        assertThat(culprit("status", "--config", cfg.toString()).out()).contains("sent 1");
    }

    @Test
    void aLogWhoseResultPostgresRefusesEndsInFailedWithoutHoldingBackTheOthers() throws Exception {
        try (EmbeddedDb pg = EmbeddedDb.start()) {
            TestLogs.drop(spool, "good.log", corpus(MAILED[0]));
            // PostgreSQL text cannot hold a NUL (the embedded H2 store can): here in the culprit's title
            TestLogs.drop(spool, "nul.log", corpus(MAILED[1]).replace("switch to lock_sock", "switch to\u0000lock_sock"));
            String held = corpus(HELD);
            String title = held.lines().filter(l -> l.startsWith("crash: ")).findFirst().orElseThrow().substring(7);
            // and here in the crash title, which the lookup of earlier results already sends
            TestLogs.drop(spool, "nulcrash.log", held.replace(title, title.substring(0, 3) + "\u0000" + title.substring(3)));
            Path cfg = config(greenMail.getSmtp().getPort(), "");
            Files.writeString(cfg, Files.readString(cfg).replace("state:\n", "state:\n  jdbc-url: " + pg.newDatabase()
                    + "\n  username: " + EmbeddedDb.USER + "\n"));

            Run r = culprit("once", "--config", cfg.toString());

            assertThat(r.code()).as("a log went to failed/").isEqualTo(1);
            assertThat(received()).hasSize(1);
            assertThat(list(spool.resolve("done"))).containsExactly("good.log");
            assertThat(Files.readString(spool.resolve("failed/nul.log.reason"))).contains("the store refused its result");
            assertThat(Files.readString(spool.resolve("failed/nulcrash.log.reason"))).contains("cannot count the results");
            assertThat(list(spool.resolve("inbox"))).isEmpty();
        }
    }

    @Test
    void badFilesEndInFailedWithAReasonWhileTheOthersGoThrough() throws Exception {
        TestLogs.drop(spool, "good.log", corpus(MAILED[0]));
        TestLogs.drop(spool, "garbage.log", "PK\u0003\u0004 this is a zip file, not a log\n");
        TestLogs.drop(spool, "big.log", corpus(MAILED[1]) + "x".repeat(1_000_000));
        Files.createSymbolicLink(spool.resolve("inbox/link.log"), dir.resolve("culprit.yaml"));
        assertThat(new ProcessBuilder("mkfifo", spool.resolve("inbox/fifo.log").toString()).start().waitFor()).isZero();
        Path cfg = config(greenMail.getSmtp().getPort(), "");

        Run r = culprit("once", "--config", cfg.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(received()).hasSize(1);
        assertThat(list(spool.resolve("done"))).containsExactly("good.log");
        assertThat(Files.readString(spool.resolve("failed/garbage.log.reason"))).contains("not a bisection log");
        assertThat(Files.readString(spool.resolve("failed/big.log.reason"))).contains("larger than the cap of 1000000 bytes");
        assertThat(Files.readString(spool.resolve("failed/link.log.reason"))).contains("symbolic link");
        assertThat(Files.readString(spool.resolve("failed/fifo.log.reason"))).contains("special file");
        assertThat(list(spool.resolve("inbox"))).isEmpty();
    }

    @Test
    void dryRunOpensNoSocketAndChangesNothing() throws Exception {
        for (String name : MAILED) {
            TestLogs.drop(spool, name + ".log", corpus(name));
        }
        try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path cfg = config(trap.getLocalPort(), "");
            Map<String, String> before = snapshot(dir);

            Run r = culprit("once", "--dry-run", "--config", cfg.toString());

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().lines().filter(l -> l.startsWith("From ")).count()).isEqualTo(3);
            assertThat(r.out()).contains("Message-ID: <culprit.").contains("X-Culprit-Envelope-To: ");
            assertThat(snapshot(dir)).isEqualTo(before);
            assertThat(state).doesNotExist();
            trap.setSoTimeout(200);
            try {
                trap.accept().close();
                throw new AssertionError("the dry run connected to the SMTP port");
            } catch (SocketTimeoutException expected) {
                // nobody connected
            }
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void dryRunWritesAnMboxFileWhenAsked() throws Exception {
        TestLogs.drop(spool, "a.log", corpus(MAILED[2]));
        Path mbox = dir.resolve("out.mbox");
        Run r = culprit("once", "--dry-run", "--mbox", mbox.toString(), "--config", config(1, "").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(mbox)).startsWith("From ").contains("Subject: [culprit]");
        assertThat(list(spool.resolve("inbox"))).containsExactly("a.log");
    }

    @Test
    void pausedConfigurationQueuesButSendsNothing() throws Exception {
        TestLogs.drop(spool, "a.log", corpus(MAILED[0]));
        Path cfg = config(greenMail.getSmtp().getPort(), "paused: true\n");
        assertThat(culprit("once", "--config", cfg.toString()).code()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(culprit("status", "--config", cfg.toString()).out()).contains("pending 1")
                .contains("delivery: paused (paused: true in the configuration)");
    }

    @Test
    void checkConfigNamesTheKeyOfABadValue() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "smtp:\n  security: starttsl\n");
        Run r = culprit("check-config", "--config", cfg.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("smtp.security").contains("starttls, tls or none");
        Run ok = culprit("check-config", "--config", config(25, "").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).endsWith(": ok" + System.lineSeparator());
    }

    /** Message-ID to envelope recipients: GreenMail delivers one copy into each recipient's inbox. */
    private Map<String, Set<String>> received() throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        for (com.icegreen.greenmail.user.GreenMailUser u : greenMail.getUserManager().listUser()) {
            for (com.icegreen.greenmail.store.StoredMessage m
                    : greenMail.getManagers().getImapHostManager().getInbox(u).getMessages()) {
                out.computeIfAbsent(m.getMimeMessage().getMessageID(), k -> new java.util.TreeSet<>()).add(u.getEmail());
            }
        }
        return out;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                out.put(root.relativize(p).toString(), a.size() + "/" + a.lastModifiedTime());
            }
        }
        return out;
    }
}

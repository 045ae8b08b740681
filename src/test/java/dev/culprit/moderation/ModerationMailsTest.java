package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.mail.MessageSettings;
import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.recipients.Address;
import dev.culprit.render.Renderer;
import dev.culprit.store.HeldMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.SentMail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notice and the correction, byte for byte, against golden files. */
class ModerationMailsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String KEY = "cause|culprit|KASAN: use-after-free Read in ext4_fill_super|" + "7a819b1f87a1".repeat(3) + "7a81";
    private final ModerationMails mails = new ModerationMails(new Renderer(Renderer.bundledLoader()),
            new MessageSettings("culprit <culprit@bot.example.net>", null, null, null, null), Clock.fixed(NOW, ZoneOffset.UTC));

    private static OutboxRecipient recipient(int pos, String address, String name, Recipient.Field field, String reason) {
        return new OutboxRecipient(pos, new Recipient(address, name, field, List.of(reason)), OutboxRecipient.State.SENT, null);
    }

    private static final List<OutboxRecipient> RECIPIENTS = List.of(
            recipient(0, "tytso@mit.edu", "Theodore Ts'o", Recipient.Field.TO, "author of the culprit commit"),
            recipient(1, "linux-ext4@vger.kernel.org", null, Recipient.Field.CC, "mailing list of the changed code, named by the bisection"));

    private static byte[] heldMessage() {
        return ("Subject: x\r\nTo: tytso@mit.edu\r\n\r\nBisection points at this commit.\r\n\r\n-- \r\nSent by culprit\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String golden(String name, byte[] actual) throws IOException {
        Path update = Path.of("src/test/resources/moderation", name);
        if (Boolean.getBoolean("culprit.updateGolden")) {
            Files.write(update, actual);
            return new String(actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = ModerationMailsTest.class.getResourceAsStream("/moderation/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void noticeMatchesItsGoldenFile() throws Exception {
        HeldMail held = new HeldMail(7, KEY, new ResultKey(KEY).messageId("bot.example.net"), "ext4.log",
                "[culprit] KASAN: use-after-free Read in ext4_fill_super: cause bisected to 7a819b1f87a1",
                Instant.parse("2026-11-25T08:30:00Z"), "culprit", "7a819b1f87a1 Linux 6.2-rc1",
                "KASAN: use-after-free Read in ext4_fill_super", 0.0,
                List.of("The commit is the release commit \"Linux 6.2-rc1\", which only changes the version number."),
                RECIPIENTS.stream().map(r -> new OutboxRecipient(r.position(), r.recipient(), OutboxRecipient.State.PENDING, null)).toList(),
                heldMessage(), null);

        QueuedMail notice = mails.notice(held, Address.parse("Moderators <moderators@bot.example.net>"));

        assertThat(notice.messageId()).isNotEqualTo(held.messageId()).isEqualTo(
                new ResultKey("moderation-notice|" + KEY).messageId("bot.example.net"));
        assertThat(notice.recipients()).extracting(Recipient::address).containsExactly("moderators@bot.example.net");
        assertThat(new String(notice.message(), StandardCharsets.UTF_8)).isEqualTo(golden("notice.eml", notice.message()));
    }

    @Test
    void correctionMatchesItsGoldenFile() throws Exception {
        SentMail sent = new SentMail(3, KEY, new ResultKey(KEY).messageId("bot.example.net"), "ext4.log",
                "[culprit] KASAN: use-after-free Read in ext4_fill_super: cause bisected to 7a819b1f87a1",
                Instant.parse("2026-11-24T18:00:00Z"), RECIPIENTS);

        QueuedMail correction = mails.retraction(sent, "the reproducer crashes on the parent commit as well",
                "0123456789ABCDEF0123456789abcdef01234567");

        assertThat(correction.recipients()).extracting(Recipient::address).containsExactly("tytso@mit.edu", "linux-ext4@vger.kernel.org");
        assertThat(correction.recipients().get(0).reasons()).startsWith(ModerationMails.CORRECTION_REASON);
        assertThat(new String(correction.message(), StandardCharsets.UTF_8)).isEqualTo(golden("correction.eml", correction.message()));
    }

    @Test
    void correctionWithoutANewCulpritSaysNothingOfOne() throws Exception {
        SentMail sent = new SentMail(3, KEY, "<culprit.1@bot.example.net>", "ext4.log", "subject", NOW, RECIPIENTS);

        String text = new String(mails.retraction(sent, "wrong", null).message(), StandardCharsets.UTF_8);

        assertThat(text).contains("Reason: wrong").doesNotContain("now believed");
    }

    @Test
    void rejectsANewCulpritThatIsNoCommitHash() {
        SentMail sent = new SentMail(3, KEY, "<culprit.1@bot.example.net>", "ext4.log", "subject", NOW, RECIPIENTS);

        assertThatThrownBy(() -> mails.retraction(sent, "wrong", "HEAD~1"))
                .hasMessage("not a commit hash: \"HEAD~1\" (7 to 64 hex digits)");
    }
}

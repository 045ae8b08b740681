package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.Recipient;
import dev.culprit.recipients.Address;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientHeadersTest {
    private static final Recipient AUTHOR = new Recipient("tytso@mit.edu", "Theodore Ts'o", Recipient.Field.TO, List.of("author"));
    private static final Recipient REVIEWER = new Recipient("jack@suse.cz", "Jan Kára", Recipient.Field.TO, List.of("reviewer"));
    private static final Recipient LIST = new Recipient("linux-ext4@vger.kernel.org", null, Recipient.Field.CC, List.of("list"));

    private static byte[] message(List<Recipient> to, List<Recipient> cc) {
        MessageHeaders h = new MessageHeaders(Address.parse("culprit <culprit@bot.example.net>"), null, to, cc,
                "[culprit] KASAN: use-after-free Read in ext4_fill_super", Instant.parse("2026-11-25T10:00:00Z"),
                "<culprit.0123456789abcdef01234567@bot.example.net>", "<report@syzkaller.example>", "0123456789abcdef01234567");
        return new MessageComposer().compose(h, "Bisection points at this commit.\n\n-- \nSent by culprit\n");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void rewritesToAndCcAndLeavesEverythingElseAsItWas() {
        byte[] before = message(List.of(AUTHOR, REVIEWER), List.of(LIST));

        byte[] after = RecipientHeaders.rewrite(before, List.of(REVIEWER), List.of(LIST));

        assertThat(text(after)).isEqualTo(text(message(List.of(REVIEWER), List.of(LIST))));
        assertThat(text(after)).contains("To: =?UTF-8?Q?Jan_K=C3=A1ra?= <jack@suse.cz>\r\n").doesNotContain("tytso@mit.edu");
    }

    @Test
    void aMailLeftWithoutToGoesToUndisclosedRecipients() {
        byte[] after = RecipientHeaders.rewrite(message(List.of(AUTHOR), List.of(LIST)), List.of(), List.of(LIST));

        assertThat(text(after)).contains("\r\nTo: undisclosed-recipients:;\r\nCc: linux-ext4@vger.kernel.org\r\n");
    }

    @Test
    void aMailLeftWithoutCcLosesItsCcHeader() {
        byte[] after = RecipientHeaders.rewrite(message(List.of(AUTHOR), List.of(LIST)), List.of(AUTHOR), List.of());

        assertThat(text(after)).doesNotContain("\r\nCc:").isEqualTo(text(message(List.of(AUTHOR), List.of())));
    }

    @Test
    void aFoldedRecipientListIsReplacedWhole() {
        List<Recipient> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(new Recipient("maintainer" + i + "@example.org", "Maintainer Number " + i, Recipient.Field.CC, List.of("list")));
        }
        byte[] before = message(List.of(AUTHOR), many);
        assertThat(text(before)).contains("\r\n <maintainer1@example.org>");

        byte[] after = RecipientHeaders.rewrite(before, List.of(AUTHOR), many.subList(0, 1));

        assertThat(text(after)).isEqualTo(text(message(List.of(AUTHOR), many.subList(0, 1))));
    }

    @Test
    void refusesTextWithoutAHeaderBlock() {
        assertThatThrownBy(() -> RecipientHeaders.rewrite("no headers here".getBytes(StandardCharsets.US_ASCII), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a message: no end of the header block");
    }
}

package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Recipient;
import dev.culprit.model.Recipient.Field;
import dev.culprit.recipients.Address;
import dev.culprit.render.Subjects;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever text reaches a subject, a display name or an address, the header block keeps its shape. */
class HeaderInjectionPropertiesTest {
    private static final Set<String> HEADERS = Set.of("Date", "From", "To", "Cc", "Subject", "Message-ID", "MIME-Version",
            "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "X-Culprit-Key");

    @Property(tries = 500)
    void anySubjectAndNameGiveOnlyTheKnownHeaders(@ForAll @StringLength(max = 400) String subject,
            @ForAll @StringLength(max = 80) String name, @ForAll @StringLength(max = 60) String rawAddress) {
        String cleanName = name.codePoints().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
                ? null : name;
        List<Recipient> to = new java.util.ArrayList<>();
        to.add(new Recipient("maint@example.org", cleanName, Field.TO, List.of("r")));
        try {
            to.add(new Recipient(Address.parse(rawAddress).addrSpec(), null, Field.TO, List.of("r")));
        } catch (IllegalArgumentException expected) {
            // not an address: never reaches a header
        }
        String clean = Subjects.clean(subject);
        MessageHeaders h = new MessageHeaders(Address.parse("culprit <culprit@example.org>"), null, to, List.of(), clean,
                Instant.EPOCH, "<culprit.0123456789abcdef01234567@example.org>", null, "0123456789abcdef01234567");
        String text = new String(new MessageComposer().compose(h, "body\n"), StandardCharsets.UTF_8);
        String head = text.substring(0, text.indexOf("\r\n\r\n"));
        assertThat(head).doesNotContain("\n\n").doesNotContain("\r\r");
        for (String line : head.split("\r\n", -1)) {
            assertThat(line).doesNotContain("\r").doesNotContain("\n");
            if (!line.startsWith(" ") && !line.startsWith("\t")) {
                assertThat(HEADERS).contains(line.substring(0, line.indexOf(':')));
            }
            assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\t')).isTrue();
        }
        assertThat(head.lines().filter(l -> l.startsWith("Subject:")).count()).isEqualTo(1);
    }
}

package dev.culprit.answering.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    void onlyAWholeValidIdIsAMessageId() {
        assertThat(MessageIds.valid(" <a.b@example.org> ")).contains("<a.b@example.org>");
        for (String bad : List.of("<a@b>\r\nBcc: x@example.org", "<a b@c>", "a@b", "<a@b@c>", "<@b>", "<a@>", "<a@b>x",
                "<" + "a".repeat(300) + "@b>")) {
            assertThat(MessageIds.valid(bad)).as(bad).isEmpty();
        }
        assertThat(MessageIds.valid(null)).isEmpty();
    }

    @Test
    void referencesKeepTheLastTenValidIdsEndingWithTheMailItself() {
        String refs = IntStream.rangeClosed(1, 14).mapToObj(i -> "<r" + i + "@x>").collect(Collectors.joining(" "))
                + " <bad id@x> <r3@x>";

        List<String> ids = MessageIds.references(refs, "<me@x>");

        assertThat(ids).hasSize(10).endsWith("<me@x>").startsWith("<r6@x>").doesNotContain("<bad id@x>");
        assertThat(MessageIds.references(null, "not an id")).isEmpty();
    }
}

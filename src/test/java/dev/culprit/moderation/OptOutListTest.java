package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.recipients.Address;
import dev.culprit.store.OptOutList;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptOutListTest {
    @TempDir
    Path dir;

    @Test
    void normalizesAddressesAndDomains() {
        assertThat(OptOutList.normalize(" Dev@Example.ORG ")).isEqualTo("dev@example.org");
        assertThat(OptOutList.normalize("example.org")).isEqualTo("@example.org");
        assertThat(OptOutList.normalize("@Example.org")).isEqualTo("@example.org");
    }

    @Test
    void refusesWhatIsNeitherAnAddressNorADomain() {
        for (String bad : List.of("", "dev@", "a b@example.org", "dev@example.org\nBcc: x@y.z", "# comment")) {
            assertThatThrownBy(() -> OptOutList.normalize(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("neither an address nor a domain: ");
        }
    }

    @Test
    void readsDomainEntriesWrittenWithoutTheAt() throws Exception {
        try (Bot b = new Bot(Bot.load(Bot.writeConfig(dir, 2525, "")))) {
            try (var c = b.db.connection(); var ps = c.prepareStatement(
                    "insert into opt_out (address, note, added_at) values ('corp.example', 'written by an older version', ?)")) {
                ps.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            OptOutList list = new OptOutList(b.db, Clock.systemUTC());

            assertThat(list.current().reason(Address.of("dev@lab.corp.example"))).contains("opted out (domain corp.example)");
            assertThat(list.add("@corp.example", null)).as("the same entry").isFalse();
            assertThat(list.remove("corp.example")).isTrue();
            assertThat(list.list()).isEmpty();
        }
    }
}

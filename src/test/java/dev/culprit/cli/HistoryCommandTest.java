package dev.culprit.cli;

import static dev.culprit.testing.TestMails.mail;
import static dev.culprit.testing.TestMails.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.culprit.model.ResultKey;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.ReplyIdentity;
import dev.culprit.store.ReplyRecords;
import dev.culprit.store.StoreSettings;
import dev.culprit.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** culprit history over a store with one queued result and a reply about it. */
class HistoryCommandTest {
    private static final String KEY = "cause|culprit|KASAN: slab-out-of-bounds in g|" + "5".repeat(40);

    @TempDir
    Path dir;

    private Path config;
    private final String shortKey = new ResultKey(KEY).shortId();

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("culprit.yaml");
        Files.writeString(config, """
                state:
                  dir: %s
                spool:
                  dir: %s
                """.formatted(dir.resolve("state"), dir.resolve("spool")), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("state"));
        String url = new StoreSettings(dir.resolve("state"), null, null, null, null, null, null).effectiveJdbcUrl();
        try (Database db = Database.open(url, null, null)) {
            Outbox outbox = new Outbox(db, Clock.systemUTC());
            outbox.intake().accept(mail(KEY, to("author@example.org")), "found.log", "h1");
            db.inTransaction(c -> {
                ReplyRecords r = outbox.replies();
                long id = r.claim(c, new ReplyRecords.Received(new ReplyIdentity("<r1@example.org>", null, "author@example.org", true),
                        "author@example.org", "dkim=pass header.d=example.org", new ResultKey(KEY).sha256())).getAsLong();
                r.commands(c, id, List.of(new ReplyRecords.CommandRecord("blame", "HEAD~1", ReplyRecords.Outcome.REFUSED,
                        "not a commit hash"), new ReplyRecords.CommandRecord("uncc", null, ReplyRecords.Outcome.APPLIED, null)));
                r.finish(c, id, null, "<culprit.answer@bot.example.net>", null);
                return id;
            });
        }
    }

    private CliRun cli(String... args) {
        return CliRun.withConfig(config, args);
    }

    @Test
    void theHistoryOfAResultIsPrintedOldestFirstByAShortKeyPrefix() {
        CliRun run = cli("history", shortKey.substring(0, 8));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("result " + shortKey + " (pending): " + KEY + "\n");
        List<String> kinds = run.out().lines().filter(l -> !l.startsWith(" ") && !l.startsWith("result "))
                .map(l -> l.split("  ")[1]).toList();
        assertThat(kinds).containsExactly("received", "assessed", "queued", "reply");
        assertThat(run.out()).contains("  reply  reply from author@example.org\n")
                .contains("    commands: #culprit blame HEAD~1: refused (not a commit hash)\n"
                        + "              #culprit uncc: applied\n")
                .contains("    answer: <culprit.answer@bot.example.net>\n")
                .contains("    authentication: dkim=pass header.d=example.org\n");
    }

    @Test
    void theHistoryAsJsonIsOneObjectWithItsEvents() throws Exception {
        CliRun run = cli("history", shortKey, "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode h = new ObjectMapper().readTree(run.out());
        assertThat(h.get("key").asText()).isEqualTo(shortKey);
        assertThat(h.get("state").asText()).isEqualTo("pending");
        JsonNode reply = h.get("events").get(3);
        assertThat(reply.get("kind").asText()).isEqualTo("reply");
        assertThat(reply.get("fields").get("message-id").asText()).isEqualTo("<r1@example.org>");
        assertThat(h.get("events").get(0).get("fields").get("log").asText()).isEqualTo("found.log");
    }

    @Test
    void anUnknownKeyIsAClearErrorAndAFailure() {
        CliRun unknown = cli("history", "0000000000");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("culprit history: no result with key 0000000000\n");
        assertThat(unknown.out()).isEmpty();

        CliRun notAKey = cli("history", "HEAD");
        assertThat(notAKey.code()).isEqualTo(1);
        assertThat(notAKey.err()).startsWith("culprit history: not a result key: \"HEAD\"");
    }
}

package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.config.CulpritConfig;
import dev.culprit.mail.SendTimePolicy;
import dev.culprit.model.Recipient;
import dev.culprit.store.HeldMail;
import dev.culprit.store.ModerationException;
import dev.culprit.store.OptOutList;
import dev.culprit.store.OutboxMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderator's controls over a real H2 file store filled by the real scan; no mail is sent. */
class ModeratorTest {
    private static final String MAINTAINER = "maint@example.org";
    private static final String LIST = "subsys@vger.kernel.org";

    @TempDir
    Path dir;

    private CulpritConfig config;

    @BeforeEach
    void setUp() throws Exception {
        config = Bot.load(Bot.writeConfig(dir, 2525, "moderation:\n  address: mod@bot.example.net\n"));
    }

    private Bot scanned(String name, String log) throws Exception {
        Logs.drop(dir.resolve("spool"), name, log);
        Bot b = new Bot(config);
        b.scan();
        return b;
    }

    private static String decision(Bot b, long id, String column) throws Exception {
        try (Connection c = b.db.connection();
                PreparedStatement ps = c.prepareStatement("select " + column + " from moderation_decision where outbox_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aHeldMailKeepsWhyItWasHeldAndWhoItWouldGoTo() throws Exception {
        try (Bot b = scanned("held.log", Logs.releaseCommit(11, List.of(MAINTAINER), List.of(LIST)))) {
            List<HeldMail> held = b.moderation.moderator().held();

            assertThat(held).hasSize(1);
            HeldMail h = held.get(0);
            assertThat(h.outcome()).isEqualTo("culprit");
            assertThat(h.culprit()).isEqualTo(Logs.hash(11) + " Linux 6.11-rc1");
            assertThat(h.crashTitle()).isEqualTo("KASAN: use-after-free Read in test_func_11");
            assertThat(h.reasons()).containsExactly("The commit is the release commit \"Linux 6.11-rc1\", which only changes the version number.");
            assertThat(h.wouldGoTo()).extracting(OutboxRecipient::address).containsExactly(MAINTAINER, LIST);
            assertThat(h.noticeMessageId()).startsWith("<culprit.").isNotEqualTo(h.messageId());
        }
    }

    @Test
    void onlyAHeldMailCanBeReleasedOrDropped() throws Exception {
        try (Bot b = scanned("found.log", Logs.culprit(12, List.of(MAINTAINER), List.of(LIST)))) {
            String key = b.outbox.status().inState(OutboxState.PENDING, 10).get(0).resultKey();
            String shortId = new dev.culprit.model.ResultKey(key).shortId();
            Moderator m = b.moderation.moderator();

            assertThatThrownBy(() -> m.release(shortId)).isInstanceOf(ModerationException.class)
                    .hasMessage("result " + shortId + " is pending, not held");
            assertThatThrownBy(() -> m.drop(shortId, "no")).hasMessage("result " + shortId + " is pending, not held");
            assertThatThrownBy(() -> m.retract(shortId, "no", null))
                    .hasMessage("result " + shortId + " is pending, not sent; a result not sent yet is dropped, not retracted");
        }
    }

    @Test
    void keysAreCheckedBeforeAnythingChanges() throws Exception {
        try (Bot b = scanned("held.log", Logs.releaseCommit(13, List.of(MAINTAINER), List.of(LIST)))) {
            Moderator m = b.moderation.moderator();
            String notice = b.outbox.status().inState(OutboxState.PENDING, 10).get(0).resultKey();

            assertThatThrownBy(() -> m.release("abc")).hasMessageStartingWith("not a result key: \"abc\" (give at least 8 hex digits of the key");
            assertThatThrownBy(() -> m.release("0000000000000000")).hasMessage("no result with key 0000000000000000");
            assertThatThrownBy(() -> m.release(new dev.culprit.model.ResultKey(notice).shortId()))
                    .hasMessageEndingWith(" is a moderation notice, not a result");
            assertThatThrownBy(() -> m.drop(m.held().get(0).shortId(), " ")).hasMessage("a drop needs a reason (--why)");
            assertThatThrownBy(() -> m.retract("0000000000000000", "wrong", "not-a-hash"))
                    .hasMessage("--culprit: not a commit hash: \"not-a-hash\" (7 to 64 hex digits)");
            assertThat(m.held()).hasSize(1);
        }
    }

    @Test
    void aDropKeepsItsReasonAndMakesThePendingNoticeMoot() throws Exception {
        try (Bot b = scanned("held.log", Logs.releaseCommit(14, List.of(MAINTAINER), List.of(LIST)))) {
            Moderator m = b.moderation.moderator();
            HeldMail h = m.held().get(0);

            m.drop(h.shortId(), "a release commit never causes a crash");

            assertThat(decision(b, h.id(), "decision")).isEqualTo("drop");
            assertThat(decision(b, h.id(), "reason")).isEqualTo("a release commit never causes a crash");
            OutboxMail dropped = b.outbox.status().inState(OutboxState.DROPPED, 10).stream().filter(x -> x.id() == h.id()).findFirst().orElseThrow();
            assertThat(dropped.lastError()).isEqualTo("dropped by a moderator: a release commit never causes a crash");
            assertThat(b.outbox.status().inState(OutboxState.PENDING, 10)).as("the notice is not sent any more").isEmpty();
            assertThat(b.outbox.status().inState(OutboxState.DROPPED, 10)).hasSize(2);
        }
    }

    @Test
    void aNoticeIsQueuedOncePerHeldMail() throws Exception {
        try (Bot b = scanned("held.log", Logs.releaseCommit(15, List.of(MAINTAINER), List.of(LIST)))) {
            assertThat(b.moderation.notices().queueMissing()).isZero();
            assertThat(b.outbox.status().inState(OutboxState.PENDING, 10)).hasSize(1);
        }
    }

    @Test
    void aHeldMailFromBeforeAModerationAddressWasSetGetsItsNoticeOnceOneIs() throws Exception {
        CulpritConfig without = Bot.load(Bot.writeConfig(dir, 2525, ""));
        Logs.drop(dir.resolve("spool"), "held.log", Logs.releaseCommit(16, List.of(MAINTAINER), List.of(LIST)));
        try (Bot b = new Bot(without)) {
            b.scan();
            assertThat(b.outbox.status().inState(OutboxState.PENDING, 10)).isEmpty();
        }
        try (Bot b = new Bot(config)) {
            assertThat(b.moderation.notices().queueMissing()).isEqualTo(1);
            OutboxMail notice = b.outbox.status().inState(OutboxState.PENDING, 10).get(0);
            assertThat(notice.recipients()).extracting(OutboxRecipient::address).containsExactly("mod@bot.example.net");
        }
    }

    @Test
    void theSendTimePolicyReadsTheFileAndTheStoreAndTheDenyList() throws Exception {
        Path optOutFile = dir.resolve("opt-out.txt");
        Files.writeString(optOutFile, "# asked by mail\nfile-person@example.com\n");
        CulpritConfig c = Bot.load(Bot.writeConfig(dir, 2525, "recipients:\n  opt-out-file: " + optOutFile + "\n"));
        try (Bot b = new Bot(c)) {
            b.moderation.moderator().optOut("@corp.example", "asked by their legal department");
            List<Recipient> recipients = List.of(
                    new Recipient("file-person@example.com", null, Recipient.Field.TO, List.of("author")),
                    new Recipient("dev@lab.corp.example", null, Recipient.Field.TO, List.of("reviewer")),
                    new Recipient("stable@vger.kernel.org", null, Recipient.Field.CC, List.of("trailer")),
                    new Recipient("kept@example.org", null, Recipient.Field.CC, List.of("list")));

            Map<String, String> suppressed = b.moderation.policy().suppressed(recipients, Set.of());

            assertThat(suppressed).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "file-person@example.com", "opted out",
                    "dev@lab.corp.example", "opted out (domain corp.example)",
                    "stable@vger.kernel.org", "on the deny list (stable@vger.kernel.org)"));
        }
    }

    @Test
    void theSendTimePolicyRefusesToGuessWhenTheStoreCannotBeRead() throws Exception {
        Bot b = new Bot(config);
        CurrentRecipientPolicy policy = b.moderation.policy();
        Recipient someone = new Recipient("someone@example.org", null, Recipient.Field.TO, List.of("author"));
        assertThat(policy.suppressed(List.of(someone), Set.of())).isEmpty();

        b.close();

        assertThatThrownBy(() -> policy.suppressed(List.of(someone), Set.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the stored opt-out list: ");
    }

    @Test
    void theSendTimePolicyDropsNewOptOutsTheDenyListAndStoredDomains() throws Exception {
        Path optOut = dir.resolve("opt-out");
        Files.writeString(optOut, "viro@zeniv.linux.org.uk\n");
        CulpritConfig withLists = Bot.load(Bot.writeConfig(dir, 2525,
                "recipients:\n  opt-out-file: " + optOut + "\n  deny: [\"*@blocked.example\"]\n"));
        try (Bot b = new Bot(withLists)) {
            new OptOutList(b.db, Clock.systemUTC()).add("suse.cz", "asked by mail");
            List<Recipient> stored = List.of(
                    new Recipient("sandeen@redhat.com", null, Recipient.Field.TO, List.of("author")),
                    new Recipient("viro@zeniv.linux.org.uk", null, Recipient.Field.TO, List.of("maintainer")),
                    new Recipient("jack@suse.cz", null, Recipient.Field.CC, List.of("cc")),
                    new Recipient("x@blocked.example", null, Recipient.Field.CC, List.of("cc")));
            assertThat(b.moderation.policy().suppressed(stored, Set.of())).containsExactly(
                    Map.entry("viro@zeniv.linux.org.uk", "opted out"),
                    Map.entry("jack@suse.cz", "opted out (domain suse.cz)"),
                    Map.entry("x@blocked.example", "on the deny list (*@blocked.example)"));
        }
    }

    @Test
    void aBatchPolicyAppliesTheOptOutsEachCallIsGiven() throws Exception {
        try (Bot b = new Bot(config)) {
            SendTimePolicy batch = b.moderation.policy().forBatch();
            List<Recipient> recipients = List.of(new Recipient("someone@example.org", null, Recipient.Field.TO, List.of("author")),
                    new Recipient("other@example.org", null, Recipient.Field.CC, List.of("reviewer")));

            assertThat(batch.suppressed(recipients, Set.of())).isEmpty();
            assertThat(batch.suppressed(recipients, Set.of("someone@example.org")))
                    .containsExactly(Map.entry("someone@example.org", "opted out"));
            assertThat(batch.suppressed(recipients, Set.of())).isEmpty();
        }
    }
}

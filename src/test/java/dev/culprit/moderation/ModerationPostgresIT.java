package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.config.CulpritConfig;
import dev.culprit.store.HeldMail;
import dev.culprit.store.OutboxState;
import dev.culprit.testing.GreenMailSetups;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Held, release, drop, retract and opt-out on a real PostgreSQL server, delivered into GreenMail. */
class ModerationPostgresIT {
    private static final String MAINTAINER = "maint@example.org";
    private static final String LIST = "subsys@vger.kernel.org";
    private static EmbeddedPostgres pg;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()));

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    @Test
    void everyModeratorDecisionWorksOnPostgres() throws Exception {
        CulpritConfig config = Bot.load(Bot.writeConfig(dir, greenMail.getSmtp().getPort(),
                "moderation:\n  address: mod@bot.example.net\n",
                "  jdbc-url: " + pg.getJdbcUrl("postgres", "postgres") + "\n  username: postgres"));
        Logs.drop(dir.resolve("spool"), "release-me.log", Logs.releaseCommit(21, List.of(MAINTAINER), List.of(LIST)));
        Logs.drop(dir.resolve("spool"), "drop-me.log", Logs.releaseCommit(22, List.of(MAINTAINER), List.of(LIST)));
        Logs.drop(dir.resolve("spool"), "retract-me.log", Logs.culprit(23, List.of(MAINTAINER), List.of(LIST)));

        try (Bot b = new Bot(config)) {
            b.once();
            assertThat(greenMail.waitForIncomingEmail(120_000, 4)).as("two notices, one report to two").isTrue();
            Moderator m = b.moderation.moderator();
            List<HeldMail> held = m.held();
            assertThat(held).extracting(HeldMail::source).containsExactlyInAnyOrder("release-me.log", "drop-me.log");
            HeldMail release = held.stream().filter(h -> h.source().equals("release-me.log")).findFirst().orElseThrow();
            HeldMail drop = held.stream().filter(h -> h.source().equals("drop-me.log")).findFirst().orElseThrow();
            MimeMessage report = Arrays.stream(greenMail.getReceivedMessages()).filter(x -> {
                try {
                    return x.getSubject().startsWith("[culprit] ");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow();
            String sentKey = report.getHeader("X-Culprit-Key")[0];

            m.optOut("example.org", "asked");
            m.release(release.shortId());
            m.drop(drop.shortId(), "release commit");
            m.retract(sentKey, "wrong", null);
            b.once();

            assertThat(greenMail.waitForIncomingEmail(120_000, 6)).isTrue();
            assertThat(greenMail.getReceivedMessages()).as("released to the list, corrected to the list: example.org opted out")
                    .hasSize(6);
            assertThat(b.outbox.status().summary().count(OutboxState.RETRACTED)).isEqualTo(1);
            assertThat(b.outbox.status().summary().count(OutboxState.DROPPED)).isEqualTo(1);
            assertThat(b.outbox.status().summary().count(OutboxState.HELD)).isZero();
            assertThat(b.moderation.moderator().held()).isEmpty();
            assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(x -> {
                try {
                    return release.messageId().equals(x.getHeader("Message-ID")[0]);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count()).as("the released mail reaches only the list: the domain opted out").isEqualTo(1);
        }
    }
}

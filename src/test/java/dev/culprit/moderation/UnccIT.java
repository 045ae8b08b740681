package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.ResultKey;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.OutboxState;
import dev.culprit.store.ResultSuppressions;
import dev.culprit.testing.CliRun;
import dev.culprit.testing.GreenMailSetups;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code #culprit uncc} as delivery honours it: an address suppressed for a result gets no later
 * mail about it (its retraction here), while the other recipients do, with headers that no longer
 * name it. Real spool, pipeline, H2 file store, GreenMail and the command line.
 */
class UnccIT {
    private static final String MAINTAINER = "maint@example.org";
    private static final String LIST = "subsys@vger.kernel.org";
    private static final long WAIT = 120_000;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(GreenMailSetups.patient(ServerSetupTest.SMTP.dynamicPort()));

    @TempDir
    Path dir;

    private static List<MimeMessage> inbox(String address) throws Exception {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        return user == null ? List.of() : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage).toList();
    }

    @Test
    void anAddressThatAskedForNoMoreMailAboutAResultGetsNoRetraction() throws Exception {
        Path configFile = Bot.writeConfig(dir, greenMail.getSmtp().getPort(), "");
        CulpritConfig config = Bot.load(configFile);
        Logs.drop(dir.resolve("spool"), "found.log", Logs.culprit(7, List.of(MAINTAINER), List.of(LIST)));
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 2)).isTrue();
        String key = greenMail.getReceivedMessages()[0].getHeader("X-Culprit-Key")[0];
        try (Bot b = new Bot(config)) {
            String resultKey = b.outbox.status().inState(OutboxState.SENT, 10).get(0).resultKey();
            assertThat(b.outbox.suppressions().add(new ResultKey(resultKey).sha256(), "Maint@Example.org", "reply <r1@example.org>"))
                    .isTrue();
        }

        CliRun retract = CliRun.withConfig(configFile, "retract", key, "--why", "the reproducer also crashes on the parent");
        assertThat(retract.code()).as(retract.err()).isZero();
        Bot.once(config);
        assertThat(greenMail.waitForIncomingEmail(WAIT, 3)).isTrue();

        assertThat(inbox(MAINTAINER)).hasSize(1);
        assertThat(inbox(LIST)).hasSize(2);
        MimeMessage correction = inbox(LIST).get(1);
        assertThat(String.join(",", correction.getHeader("To"))
                + (correction.getHeader("Cc") == null ? "" : String.join(",", correction.getHeader("Cc"))))
                .doesNotContainIgnoringCase(MAINTAINER).containsIgnoringCase(LIST);
        try (Bot b = new Bot(config)) {
            OutboxRecipient skipped = b.outbox.status().inState(OutboxState.SENT, 10).stream()
                    .filter(m -> m.resultKey().startsWith("retraction|")).findFirst().orElseThrow()
                    .recipients().stream().filter(r -> r.address().equals(MAINTAINER)).findFirst().orElseThrow();
            assertThat(skipped.state()).isEqualTo(OutboxRecipient.State.SUPPRESSED);
            assertThat(skipped.lastError()).isEqualTo(ResultSuppressions.REASON);
        }
    }
}

package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.mailbox.ReplySettings;
import dev.culprit.replies.ReplyHandler.Disposition;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RepliesTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Replies.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    private static CulpritConfig read(String yaml) throws Exception {
        return new ConfigLoader().read(new StringReader(yaml), "culprit.yaml");
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void withoutRequiredAuthenticationTheServiceWarnsAtStart() throws Exception {
        ReplySettings s = read("""
                replies:
                  host: imap.example.org
                  username: culprit
                  password-env: IMAP_PASSWORD
                  require-authentication: false
                """).replies();

        Replies.poll(s, "secret", reply -> Disposition.done("test"), reason -> { });

        assertThat(warnings()).singleElement().asString().startsWith("replies.require-authentication is false: the From"
                + " address of every reply in INBOX of imap.example.org:993 (tls, user culprit) is taken as it is");
    }

    @Test
    void withAuthenticationThereIsNoWarning() throws Exception {
        ReplySettings s = read("""
                replies:
                  host: imap.example.org
                  username: culprit
                  password-env: IMAP_PASSWORD
                  authserv-id: mx.example.org
                """).replies();

        Replies.poll(s, "secret", reply -> Disposition.done("test"), reason -> { });

        assertThat(warnings()).isEmpty();
    }

    @Test
    void culpritsOwnAddressesAreItsFromReplyToAndEnvelopeSender() throws Exception {
        CulpritConfig c = read("""
                message:
                  from: "culprit <Bot@Example.org>"
                  reply-to: "Replies <replies@example.org>"
                smtp:
                  envelope-from: Bounces@example.org
                """);

        assertThat(Replies.ownAddresses(c)).containsExactly("bot@example.org", "replies@example.org", "bounces@example.org");
        assertThat(Replies.ownAddresses(CulpritConfig.defaults())).containsExactly("culprit@localhost");
    }
}

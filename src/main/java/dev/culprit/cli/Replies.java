package dev.culprit.cli;

import dev.culprit.config.CulpritConfig;
import dev.culprit.mailbox.ImapIdleWatch;
import dev.culprit.mailbox.ImapMailbox;
import dev.culprit.mailbox.ReplyPoll;
import dev.culprit.mailbox.ReplySettings;
import dev.culprit.recipients.Address;
import dev.culprit.replies.ReplyHandler;
import dev.culprit.schedule.ServiceScheduler;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a pass of the replies poll for {@code run}'s job and for {@code once}. */
final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private Replies() {}

    /** culprit's own addresses (From, Reply-To, the envelope sender): mail from them is never answered. */
    static Set<String> ownAddresses(CulpritConfig config) {
        Set<String> own = new LinkedHashSet<>();
        own.add(config.message().fromAddress().key());
        Address replyTo = config.message().replyToAddress();
        if (replyTo != null) {
            own.add(replyTo.key());
        }
        if (config.smtp().envelopeFrom() != null) {
            own.add(config.smtp().envelopeFrom().toLowerCase(Locale.ROOT));
        }
        return own;
    }

    /**
     * The poll over the configured mailbox, handing each reply to {@code handler}.
     *
     * @param failed told why a mail the poll itself moved to the failed folder went there
     */
    static ReplyPoll poll(ReplySettings settings, String password, ReplyHandler handler, Consumer<String> failed) {
        ImapMailbox mailbox = new ImapMailbox(settings, password);
        if (!settings.requireAuthentication()) {
            log.warn("replies.require-authentication is false: the From address of every reply in {} of {} is taken as it"
                    + " is; only safe when nothing from outside reaches that folder", settings.folder(), mailbox.describe());
        }
        log.info("replies: reading {} of {}", settings.folder(), mailbox.describe());
        return new ReplyPoll(mailbox, handler, failed);
    }

    /** Polls every {@code replies.poll-interval}, woken early by IMAP IDLE when the server offers it. */
    static void schedule(ServiceScheduler scheduler, ReplyPoll poll, BooleanSupplier stopping) {
        Duration interval = poll.mailbox().settings().pollInterval();
        scheduler.replyPoll(() -> runLogged(poll, stopping), interval,
                wake -> ImapIdleWatch.start(poll.mailbox(), wake, interval));
    }

    /** One pass, its figures logged when it moved or left a mail; true when it ended cleanly. */
    static boolean runLogged(ReplyPoll poll, BooleanSupplier stopping) {
        ReplyPoll.Pass pass = poll.run(stopping);
        if (pass.done() + pass.failed() + pass.left() > 0) {
            log.info("replies: {} moved to the done folder, {} to the failed folder, {} left for the next pass",
                    pass.done(), pass.failed(), pass.left());
        }
        return pass.error() == null;
    }
}

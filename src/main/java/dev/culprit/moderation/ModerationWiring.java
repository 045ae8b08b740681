package dev.culprit.moderation;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.OptOutFile;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.render.Renderer;
import dev.culprit.store.Moderation;
import dev.culprit.store.OptOutList;
import dev.culprit.store.Outbox;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The moderation parts wired by hand over one outbox: the send-time recipient policy, the
 * notices about held mails and the moderator's controls.
 */
public record ModerationWiring(CurrentRecipientPolicy policy, HeldNotices notices, Moderator moderator) {

    /**
     * What follows every spool scan: stored opt-outs taken off the new mails, then notices
     * queued for new held mails (so that a notice lists who the mail would really go to).
     */
    public void afterScan() throws dev.culprit.store.StoreException {
        moderator.applyToNew();
        notices.queueMissing();
    }

    /** @throws ConfigException when {@code render.templates} names no readable directory */
    public static ModerationWiring create(CulpritConfig config, Outbox outbox, Clock clock) throws ConfigException {
        OptOutList optOuts = new OptOutList(outbox, clock);
        OptOutFile file = config.recipients().optOutFile() == null ? null : new OptOutFile(Path.of(config.recipients().optOutFile()));
        CurrentRecipientPolicy policy = new CurrentRecipientPolicy(config.recipients(), file, optOuts);
        Moderation moderation = new Moderation(outbox, clock);
        ModerationMails mails = new ModerationMails(new Renderer(Pipeline.templateLoader(config)), config.message(), clock);
        return new ModerationWiring(policy, new HeldNotices(moderation, mails, config.moderation()),
                new Moderator(outbox, moderation, optOuts, mails, policy));
    }
}

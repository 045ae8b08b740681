package dev.culprit.config;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.fixes.LearnSettings;
import dev.culprit.mail.DeliverySettings;
import dev.culprit.mail.MessageSettings;
import dev.culprit.mail.SmtpSettings;
import dev.culprit.mailbox.ReplySettings;
import dev.culprit.moderation.ModerationSettings;
import dev.culprit.ops.MetricsSettings;
import dev.culprit.ops.RetentionSettings;
import dev.culprit.ops.WatchdogSettings;
import dev.culprit.recipients.RecipientSettings;
import dev.culprit.render.RenderSettings;
import dev.culprit.schedule.ScheduleSettings;
import dev.culprit.spool.SpoolSettings;
import dev.culprit.store.StoreSettings;

/**
 * The whole configuration. Every section has defaults, so an empty file (or none) is valid.
 * Each section is a record owned by the package that uses it; a null section means "defaults".
 *
 * @param parse parser limits
 * @param assess how signals turn into a verdict
 * @param recipients recipient sources and policy
 * @param render templates and excerpt limits
 * @param message how mails identify themselves (From, Reply-To, Message-ID domain, credit)
 * @param spool the spool directory
 * @param state the state directory and the database
 * @param smtp the SMTP server
 * @param delivery retries and caps
 * @param schedule how often the jobs run
 * @param paused the kill switch: nothing is sent while true
 * @param metrics the optional HTTP endpoint for metrics and health
 * @param watchdog when a stalled scheduler makes the process exit
 * @param retention how long done logs and sent mail bodies are kept
 * @param moderation where notices about held mails go
 * @param learn where landed fixes are read from, and when mails cite the track record
 * @param replies the IMAP folder maintainers' replies arrive in, and how they are answered
 */
public record CulpritConfig(
        ParseSettings parse,
        AssessPolicy assess,
        RecipientSettings recipients,
        RenderSettings render,
        MessageSettings message,
        SpoolSettings spool,
        StoreSettings state,
        SmtpSettings smtp,
        DeliverySettings delivery,
        ScheduleSettings schedule,
        Boolean paused,
        MetricsSettings metrics,
        WatchdogSettings watchdog,
        RetentionSettings retention,
        ModerationSettings moderation,
        LearnSettings learn,
        ReplySettings replies) {
    public CulpritConfig {
        parse = parse == null ? ParseSettings.defaults() : parse;
        assess = assess == null ? AssessPolicy.defaults() : assess;
        recipients = recipients == null ? RecipientSettings.defaults() : recipients;
        render = render == null ? RenderSettings.defaults() : render;
        message = message == null ? MessageSettings.defaults() : message;
        spool = spool == null ? SpoolSettings.defaults() : spool;
        state = state == null ? StoreSettings.defaults() : state;
        smtp = smtp == null ? SmtpSettings.defaults() : smtp;
        delivery = delivery == null ? DeliverySettings.defaults() : delivery;
        schedule = schedule == null ? ScheduleSettings.defaults() : schedule;
        paused = paused != null && paused;
        metrics = metrics == null ? MetricsSettings.defaults() : metrics;
        watchdog = watchdog == null ? WatchdogSettings.defaults() : watchdog;
        retention = retention == null ? RetentionSettings.defaults() : retention;
        moderation = moderation == null ? ModerationSettings.defaults() : moderation;
        learn = learn == null ? LearnSettings.defaults() : learn;
        replies = replies == null ? ReplySettings.defaults() : replies;
    }

    public static CulpritConfig defaults() {
        return new CulpritConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}

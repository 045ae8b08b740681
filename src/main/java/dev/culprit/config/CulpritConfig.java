package dev.culprit.config;

import dev.culprit.mail.DeliverySettings;
import dev.culprit.mail.SmtpSettings;
import dev.culprit.schedule.ScheduleSettings;
import dev.culprit.spool.SpoolSettings;
import dev.culprit.store.StoreSettings;

/**
 * The whole configuration. Every section has defaults, so an empty file (or none) is valid.
 * Each section is a record owned by the package that uses it; a null section means "defaults".
 *
 * @param parse parser limits
 * @param spool the spool directory
 * @param state the state directory and the database
 * @param smtp the SMTP server
 * @param delivery retries and caps
 * @param schedule how often the jobs run
 * @param paused the kill switch: nothing is sent while true
 */
public record CulpritConfig(
        ParseSettings parse,
        SpoolSettings spool,
        StoreSettings state,
        SmtpSettings smtp,
        DeliverySettings delivery,
        ScheduleSettings schedule,
        Boolean paused) {
    public CulpritConfig {
        parse = parse == null ? ParseSettings.defaults() : parse;
        spool = spool == null ? SpoolSettings.defaults() : spool;
        state = state == null ? StoreSettings.defaults() : state;
        smtp = smtp == null ? SmtpSettings.defaults() : smtp;
        delivery = delivery == null ? DeliverySettings.defaults() : delivery;
        schedule = schedule == null ? ScheduleSettings.defaults() : schedule;
        paused = paused != null && paused;
    }

    public static CulpritConfig defaults() {
        return new CulpritConfig(null, null, null, null, null, null, null);
    }
}

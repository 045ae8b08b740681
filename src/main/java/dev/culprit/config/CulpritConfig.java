package dev.culprit.config;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.mail.MessageSettings;
import dev.culprit.recipients.RecipientSettings;
import dev.culprit.render.RenderSettings;

/**
 * The whole configuration. Every section has defaults, so an empty file (or none) is valid.
 * Each section is a record owned by the package that uses it; a null section means "defaults".
 *
 * @param parse parser limits
 * @param assess how signals turn into a verdict
 * @param recipients recipient sources and policy
 * @param render templates and excerpt limits
 * @param message how mails identify themselves (From, Reply-To, Message-ID domain, credit)
 */
public record CulpritConfig(
        ParseSettings parse,
        AssessPolicy assess,
        RecipientSettings recipients,
        RenderSettings render,
        MessageSettings message) {
    public CulpritConfig {
        parse = parse == null ? ParseSettings.defaults() : parse;
        assess = assess == null ? AssessPolicy.defaults() : assess;
        recipients = recipients == null ? RecipientSettings.defaults() : recipients;
        render = render == null ? RenderSettings.defaults() : render;
        message = message == null ? MessageSettings.defaults() : message;
    }

    public static CulpritConfig defaults() {
        return new CulpritConfig(null, null, null, null, null);
    }
}

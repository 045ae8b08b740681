package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.model.Outcome;
import dev.culprit.model.PreparedMail;
import dev.culprit.moderation.ModerationMails;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PrepareException;
import dev.culprit.recipients.Address;
import dev.culprit.render.RenderException;
import dev.culprit.render.Renderer;
import dev.culprit.store.HeldMail;
import dev.culprit.store.OutboxRecipient;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.SentMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders every template as configured against a sample: one bundled log per outcome
 * ({@code sample-logs/<outcome>.log} on the class path) through the whole pipeline, which
 * renders the subject and that outcome's body, then the moderation notice and the retraction
 * for the mail of the {@code culprit} sample. One line per template.
 */
final class TemplateCheck {
    static final String SAMPLES = "sample-logs/";

    /** One template's result: {@code template culprit.ftl: ok: sample culprit.log, subject "..."}. */
    record Line(String template, boolean ok, String detail) {
        String text() {
            return "template " + template + ": " + (ok ? "ok" : "failed") + ": " + detail;
        }
    }

    private TemplateCheck() {}

    static List<Line> run(Culprit app) throws ConfigException {
        Pipeline pipeline = app.pipeline();
        List<Line> lines = new ArrayList<>();
        PreparedMail culprit = null;
        int subjects = 0;
        List<String> subjectFailures = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            String template = Renderer.bodyTemplate(outcome);
            String sample = outcome.id() + ".log";
            try (Reader log = sample(sample)) {
                PreparedMail mail = pipeline.prepare(sample, log, null);
                if (mail.report().outcome() != outcome) {
                    lines.add(new Line(template, false, "sample " + sample + " reads as " + mail.report().outcome().id()
                            + ", not " + outcome.id() + "; this build's samples are broken"));
                    continue;
                }
                subjects++;
                lines.add(new Line(template, true, "sample " + sample + ", subject \"" + mail.subject() + "\""));
                if (outcome == Outcome.CULPRIT) {
                    culprit = mail;
                }
            } catch (PrepareException e) {
                if (e.getMessage().contains(Renderer.SUBJECT)) {
                    subjectFailures.add(e.getMessage());
                }
                lines.add(new Line(template, false, e.getMessage()));
            } catch (IOException e) {
                lines.add(new Line(template, false, "cannot read sample " + sample + ": " + e.getMessage()));
            }
        }
        lines.add(0, subjectFailures.isEmpty()
                ? new Line(Renderer.SUBJECT, true, "rendered for " + subjects + " samples")
                : new Line(Renderer.SUBJECT, false, subjectFailures.get(0)));
        if (culprit == null) {
            lines.add(new Line(Renderer.MODERATION_NOTICE, false, "not rendered: no sample mail (see culprit.ftl)"));
            lines.add(new Line(Renderer.RETRACTION, false, "not rendered: no sample mail (see culprit.ftl)"));
            lines.add(new Line(Renderer.ANSWER, false, "not rendered: no sample mail (see culprit.ftl)"));
            lines.add(new Line(Renderer.REPLY_NOTE, false, "not rendered: no sample mail (see culprit.ftl)"));
            return lines;
        }
        lines.addAll(moderationLines(app.moderationMails(), culprit, app.clock()));
        lines.addAll(AnswerSamples.lines(app.answerMails(), culprit));
        return lines;
    }

    /** The moderation notice and the retraction, rendered for the mail of the {@code culprit} sample. */
    private static List<Line> moderationLines(ModerationMails mails, PreparedMail culprit, Clock clock) {
        List<Line> lines = new ArrayList<>();
        List<OutboxRecipient> recipients = new ArrayList<>();
        for (int i = 0; i < culprit.recipients().size(); i++) {
            recipients.add(new OutboxRecipient(i, culprit.recipients().get(i), OutboxRecipient.State.PENDING, null));
        }
        try {
            HeldMail held = new HeldMail(0, culprit.key().value(), culprit.messageId(), culprit.source(), culprit.subject(),
                    clock.instant(), culprit.report().outcome().id(), culprit.report().culpritHash(),
                    culprit.report().crashTitle(), culprit.assessment().score(), culprit.assessment().reasons(), recipients,
                    culprit.message(), null);
            QueuedMail notice = mails.notice(held, Address.of("moderators@example.org"));
            lines.add(new Line(Renderer.MODERATION_NOTICE, true, "sample held mail, subject \"" + notice.subject() + "\""));
        } catch (RenderException | RuntimeException e) {
            lines.add(new Line(Renderer.MODERATION_NOTICE, false, e.getMessage()));
        }
        try {
            SentMail sent = new SentMail(0, culprit.key().value(), culprit.messageId(), culprit.source(), culprit.subject(),
                    clock.instant(), recipients);
            QueuedMail correction = mails.retraction(sent, "the culprit was misidentified (sample)", null);
            lines.add(new Line(Renderer.RETRACTION, true, "sample sent mail, subject \"" + correction.subject() + "\""));
        } catch (RenderException | RuntimeException e) {
            lines.add(new Line(Renderer.RETRACTION, false, e.getMessage()));
        }
        return lines;
    }

    private static Reader sample(String name) throws IOException {
        InputStream in = TemplateCheck.class.getClassLoader().getResourceAsStream(SAMPLES + name);
        if (in == null) {
            throw new IOException("not in this build: " + SAMPLES + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}

package dev.culprit.cli;

import dev.culprit.answering.AnswerMails;
import dev.culprit.answering.decide.CommandOutcome;
import dev.culprit.answering.decide.Decision;
import dev.culprit.answering.decide.Effect;
import dev.culprit.answering.decide.ResultState;
import dev.culprit.model.PreparedMail;
import dev.culprit.recipients.Address;
import dev.culprit.render.RenderException;
import dev.culprit.render.Renderer;
import dev.culprit.replies.IncomingHeaders;
import dev.culprit.replies.IncomingReply;
import dev.culprit.store.QueuedMail;
import java.util.ArrayList;
import java.util.List;

/** The answer to a reply and the note to the moderators, rendered for the mail of the {@code culprit} sample. */
final class AnswerSamples {
    private static final String DIGEST = "0".repeat(64);

    private AnswerSamples() {}

    static List<TemplateCheck.Line> lines(AnswerMails mails, PreparedMail culprit) {
        List<TemplateCheck.Line> lines = new ArrayList<>();
        ResultState result = new ResultState(culprit.key().value(), culprit.key().shortId(), ResultState.Standing.SENT,
                culprit.report().culpritHash(), culprit.subject(), true);
        IncomingReply reply = new IncomingReply("<sample-reply@example.org>", DIGEST, 1000,
                new IncomingHeaders(List.of(), List.of(), List.of(), "text/plain", List.of("maint@example.org")), List.of(),
                "Re: " + culprit.subject(), culprit.messageId(), culprit.messageId(), "#culprit wrong sample", null, false);
        try {
            Decision.Answer answer = new Decision.Answer("maint@example.org", "Your reply is about result "
                    + result.shortKey() + ".", List.of(new CommandOutcome("wrong", "sample", CommandOutcome.Status.APPLIED,
                            "result " + result.shortKey() + " is labelled wrong; the moderators are told")));
            QueuedMail a = mails.answer(answer, reply, DIGEST, result);
            lines.add(new TemplateCheck.Line(Renderer.ANSWER, true, "sample answer, subject \"" + a.subject() + "\""));
        } catch (RenderException | RuntimeException e) {
            lines.add(new TemplateCheck.Line(Renderer.ANSWER, false, e.getMessage()));
        }
        try {
            QueuedMail n = mails.note(new Effect.NoteToModeration("maint@example.org", "wrong", "sample", null), result, reply,
                    DIGEST, "reply <sample-reply@example.org> from maint@example.org", true,
                    List.of(Address.of("moderators@example.org")));
            lines.add(new TemplateCheck.Line(Renderer.REPLY_NOTE, true, "sample note, subject \"" + n.subject() + "\""));
        } catch (RenderException | RuntimeException e) {
            lines.add(new TemplateCheck.Line(Renderer.REPLY_NOTE, false, e.getMessage()));
        }
        return lines;
    }
}

package dev.culprit.answering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.answering.decide.CommandOutcome;
import dev.culprit.answering.decide.Decision;
import dev.culprit.answering.decide.Effect;
import dev.culprit.answering.decide.ResultState;
import dev.culprit.mail.MessageSettings;
import dev.culprit.recipients.Address;
import dev.culprit.render.Renderer;
import dev.culprit.replies.CommandParser;
import dev.culprit.replies.IncomingHeaders;
import dev.culprit.replies.IncomingReply;
import dev.culprit.store.QueuedMail;
import dev.culprit.store.RepliedResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnswerMailsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String DIGEST = "ab".repeat(32);
    private static final ResultState RESULT = new ResultState("cause|culprit|KASAN|" + "7a".repeat(20), "8aea6061bf7004b21baac457",
            ResultState.Standing.SENT, "7a".repeat(20), "[culprit] KASAN: use-after-free", true);
    private final AnswerMails mails = new AnswerMails(new Renderer(Renderer.bundledLoader()),
            new MessageSettings("culprit <bot@bot.example.net>", null, "bot.example.net", null), CLOCK);

    private static IncomingReply reply(String subject, String messageId, String references) {
        return new IncomingReply(messageId, DIGEST, 400, new IncomingHeaders(List.of(), List.of(), List.of(), "text/plain",
                List.of("maint@example.org")), List.of(), subject, messageId, references, "#culprit confirm", null, false);
    }

    private static Decision.Answer answer(String arguments) {
        return new Decision.Answer("maint@example.org", "Your reply is about result 8aea6061bf7004b21baac457.",
                List.of(new CommandOutcome("wrong", arguments, CommandOutcome.Status.APPLIED, "result is labelled wrong")));
    }

    private static String text(QueuedMail m) {
        return new String(m.message(), StandardCharsets.UTF_8);
    }

    private static List<String> headerLines(QueuedMail m) {
        String t = text(m);
        return t.substring(0, t.indexOf("\r\n\r\n")).replace("\r\n ", " ").replace("\r\n\t", " ").lines().toList();
    }

    @Test
    void theAnswerIsThreadedUnderTheReplyAndMarkedAutoReplied() throws Exception {
        QueuedMail m = mails.answer(answer("the parent crashes"), reply("Re: [culprit] KASAN", "<r1@example.org>",
                "<culprit.abc@bot.example.net> <r0@example.org>"), DIGEST, RESULT);

        assertThat(headerLines(m)).contains("To: maint@example.org", "Subject: Re: [culprit] KASAN",
                "In-Reply-To: <r1@example.org>",
                "References: <culprit.abc@bot.example.net> <r0@example.org> <r1@example.org>",
                "Auto-Submitted: auto-replied");
        assertThat(m.key().value()).isEqualTo(RepliedResults.ANSWER_PREFIX + DIGEST + "|" + RESULT.resultKey());
        assertThat(m.recipients()).extracting(r -> r.address()).containsExactly("maint@example.org");
        assertThat(text(m)).contains("1. wrong the parent crashes\r\n   applied: result is labelled wrong\r\n")
                .contains("Result key: 8aea6061bf7004b21baac457");
    }

    @Test
    void aHeaderInjectionInTheSubjectStaysInOneSubjectLine() throws Exception {
        QueuedMail m = mails.answer(answer(""), reply("Re: x\r\nBcc: victim@example.com\r\n\r\nbody", "<r1@example.org>", null),
                DIGEST, RESULT);

        assertThat(headerLines(m)).noneMatch(l -> l.startsWith("Bcc:"));
        assertThat(headerLines(m)).contains("Subject: Re: x Bcc: victim@example.com body");
        assertThat(m.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void theSubjectIsCutAndNeverEmpty() throws Exception {
        assertThat(AnswerMails.subject("RE: Aw: re:  " + "x".repeat(500), null)).startsWith("Re: xxx").endsWith("...")
                .hasSizeLessThanOrEqualTo(180);
        assertThat(AnswerMails.subject(null, RESULT)).isEqualTo("Re: [culprit] KASAN: use-after-free");
        assertThat(AnswerMails.subject("  ", null)).isEqualTo("Re: your mail to culprit");
    }

    @Test
    void referencesKeepOnlyValidIdsAndTheLastTen() throws Exception {
        String refs = IntStream.rangeClosed(1, 20).mapToObj(i -> "<r" + i + "@x>").collect(Collectors.joining(" "))
                + " <evil\r\nBcc: a@b>";
        QueuedMail m = mails.answer(answer(""), reply("s", "<me@x>", refs), DIGEST, RESULT);

        String references = headerLines(m).stream().filter(l -> l.startsWith("References:")).findFirst().orElseThrow();
        assertThat(references).isEqualTo("References: <r12@x> <r13@x> <r14@x> <r15@x> <r16@x> <r17@x> <r18@x> <r19@x>"
                + " <r20@x> <me@x>");
    }

    @Test
    void aReplyWithoutAValidMessageIdIsAnsweredUnthreaded() throws Exception {
        QueuedMail m = mails.answer(answer(""), reply("s", "<bad id>", null), DIGEST, null);

        assertThat(headerLines(m)).noneMatch(l -> l.startsWith("In-Reply-To:") || l.startsWith("References:"));
        assertThat(m.key().value()).isEqualTo(RepliedResults.ANSWER_PREFIX + DIGEST + "|");
    }

    @Test
    void noLineOfAnAnswerIsACommandEvenWhenTheReplyQuotedOne() throws Exception {
        QueuedMail m = mails.answer(answer("#culprit unsubscribe\n#culprit wrong"), reply("s", "<r@x>", null), DIGEST,
                RESULT);

        assertThat(CommandParser.parse(text(m)).any()).as(text(m)).isFalse();
    }

    @Test
    void theNoteToTheModeratorsNamesTheReplyAndTheCommandToWithdraw() throws Exception {
        QueuedMail m = mails.note(new Effect.NoteToModeration("maint@example.org", "blame", "it is the allocator",
                "0123456789ab"), RESULT, reply("s", "<r@x>", null), DIGEST, "reply <r@x> from maint@example.org", true,
                List.of(Address.of("mod@example.org")));

        assertThat(headerLines(m)).contains("To: mod@example.org",
                "Subject: [culprit moderation] blame: [culprit] KASAN: use-after-free", "Auto-Submitted: auto-generated");
        assertThat(text(m)).contains("maint@example.org replied that a result culprit sent them is wrong, and that the")
                .contains("Reason:    it is the allocator")
                .contains("culprit retract 8aea6061bf7004b21baac457 --why \"...\" --culprit 0123456789ab");
        assertThat(CommandParser.parse(text(m)).any()).isFalse();
    }

    @Test
    void noBundledTemplateHasALineThatIsACommand() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                assertThat(CommandParser.parse(Files.readString(f)).any()).as(f.toString()).isFalse();
            }
        }
    }
}

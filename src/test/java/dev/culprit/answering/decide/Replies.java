package dev.culprit.answering.decide;

import dev.culprit.model.Recipient;
import dev.culprit.replies.CommandParser;
import dev.culprit.replies.IncomingHeaders;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyTarget;
import dev.culprit.replies.ResultParties;
import dev.culprit.replies.Speaker;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Facts about replies for the decision's tests: who is who, and a result in each standing. */
final class Replies {
    static final String AUTHOR = "author@example.org";
    static final String MODERATOR = "mod@example.org";
    static final String PERSON = "maint@example.org";
    static final String LIST = "subsys@vger.kernel.org";
    static final String STRANGER = "someone@example.com";
    static final String CULPRIT = "7a819b1f87a1c0ffee0123456789abcdef012345";
    static final ResultParties PARTIES = new ResultParties(AUTHOR, Set.of(MODERATOR), List.of(
            new Recipient(AUTHOR, null, Recipient.Field.TO, List.of("author of the culprit commit 7a819b1f87a1")),
            new Recipient(PERSON, null, Recipient.Field.TO, List.of("maintainer")),
            new Recipient(LIST, null, Recipient.Field.CC, Recipient.Kind.LIST, List.of("mailing list"))));
    static final ReplyTarget TARGET = new ReplyTarget.MessageId("<culprit.abc@bot.example.net>", "In-Reply-To");

    private Replies() {
    }

    static ResultState result(ResultState.Standing standing) {
        return new ResultState("cause|culprit|KASAN: use-after-free|" + CULPRIT, "8aea6061bf7004b21baac457", standing, CULPRIT,
                "KASAN: use-after-free in hfsplus_file_extend", true);
    }

    static IncomingReply mail(String text) {
        return new IncomingReply("<reply.1@example.org>", "d1", 300, headers(), List.of(), "Re: KASAN", 
                "<culprit.abc@bot.example.net>", null, text, null, false);
    }

    static IncomingHeaders headers() {
        return new IncomingHeaders(List.of(), List.of(), List.of(), "text/plain", List.of());
    }

    static ReplyFacts facts(String from, String text, ResultState result) {
        return facts(new Speaker(from, true, "dkim=pass"), text, result);
    }

    static ReplyFacts facts(Speaker speaker, String text, ResultState result) {
        return new ReplyFacts(mail(text), speaker, Optional.empty(), result == null
                ? new ReplyTarget.Unknown("the reply names no message culprit sent") : TARGET, result, PARTIES,
                CommandParser.parse(text));
    }

    static Decision decide(String from, String text, ResultState result) {
        return ReplyDecider.decide(facts(from, text, result));
    }
}

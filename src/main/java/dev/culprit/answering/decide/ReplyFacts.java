package dev.culprit.answering.decide;

import dev.culprit.replies.CommandLines;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyTarget;
import dev.culprit.replies.ResultParties;
import dev.culprit.replies.Speaker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the decision about one reply rests on.
 *
 * @param reply the mail as received
 * @param speaker who sent it, as far as culprit can tell
 * @param notToAnswer why the mail must never be answered ({@code LoopGuard}), or empty
 * @param target which result the reply is about, as the matcher found it
 * @param result where that result stands, or null when the reply names none or the store has
 *        none by that name
 * @param parties the people the result concerns (only recipients it reached)
 * @param lines the reply's command lines; empty when the mail cannot be read
 */
public record ReplyFacts(IncomingReply reply, Speaker speaker, Optional<String> notToAnswer, ReplyTarget target,
        ResultState result, ResultParties parties, CommandLines lines) {
    public ReplyFacts {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(notToAnswer, "notToAnswer");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(parties, "parties");
        lines = lines == null ? new CommandLines(List.of(), List.of()) : lines;
    }
}

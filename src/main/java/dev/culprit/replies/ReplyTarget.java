package dev.culprit.replies;

/** Which result a reply is about, and how that was found; or why it could not be told. */
public sealed interface ReplyTarget {
    /** A Message-ID culprit sent, found in {@code header} (In-Reply-To or References). */
    record MessageId(String messageId, String header) implements ReplyTarget {
    }

    /** A {@code Result key:} line in the quoted text; {@code shortKey} is the 24 hex digits. */
    record Key(String shortKey) implements ReplyTarget {
    }

    /** The reply could not be tied to one result. */
    record Unknown(String reason) implements ReplyTarget {
    }
}

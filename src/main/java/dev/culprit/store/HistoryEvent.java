package dev.culprit.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One event in a result's history, as {@code culprit history} and the status page show it.
 *
 * @param at when it happened
 * @param kind what happened
 * @param summary one line saying it
 * @param fields the details, in the order to show them (name to text; a text may hold several
 *     lines, as the commands of a reply do)
 */
public record HistoryEvent(Instant at, Kind kind, String summary, Map<String, String> fields) {
    /** What happened; at the same instant, events are in this order (a reply before what it did). */
    public enum Kind {
        /** A log giving the result was taken from the spool (also a later log giving it again). */
        RECEIVED,
        /** The assessment's verdict: mail, moderate or skip. */
        ASSESSED,
        /** Queued in the outbox to be sent. */
        QUEUED,
        /** Held for moderation, with why. */
        HELD,
        /** The notice about a held result reached the moderators. */
        NOTICE_SENT,
        /** A reply about the result was handled: its commands and what became of them. */
        REPLY,
        /** The answer to a reply was sent, to whom. */
        ANSWER_SENT,
        /** A note about a reply reached the moderators. */
        REPLY_NOTE_SENT,
        /** A held result was released. */
        RELEASED,
        /** A held result was dropped. */
        DROPPED,
        /** The result was sent, to whom. */
        SENT,
        /** Delivery gave up on the result. */
        FAILED,
        /** The result was withdrawn. */
        RETRACTED,
        /** The retraction was sent, to whom. */
        RETRACTION_SENT,
        /** A label: whether the culprit was right, from where. */
        LABEL;

        /** The lower-case id shown and written in JSON ({@code retraction-sent}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public HistoryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                copy.put(k, v);
            }
        });
        fields = Collections.unmodifiableMap(copy);
    }
}

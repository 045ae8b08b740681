package dev.culprit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * A {@link MailUpdate} as text of the delivery journal: JSON, every field named; a line of the
 * journal's file also holds the time the outcome was recorded.
 */
final class JournalCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JournalCodec() {}

    static String encode(MailUpdate u) {
        try {
            return MAPPER.writeValueAsString(u);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outcome of mail " + u.id() + ": " + e.getMessage(), e);
        }
    }

    /** One line of the journal's file: an outcome and the time it was recorded. */
    private record Line(Instant at, MailUpdate outcome) {}

    static String encodeLine(MailUpdate u, Instant at) {
        try {
            return MAPPER.writeValueAsString(new Line(at, u));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outcome of mail " + u.id() + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not a line written by {@link #encodeLine} */
    static Outbox.Outcome decodeLine(String text) {
        Line line;
        try {
            line = MAPPER.readValue(text, Line.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an outcome: " + e.getMessage(), e);
        }
        if (line.at() == null || line.outcome() == null) {
            throw new IllegalArgumentException("not an outcome: the time or the outcome is missing");
        }
        return new Outbox.Outcome(line.outcome(), line.at());
    }

    /** @throws IllegalArgumentException when {@code text} is not an outcome written by {@link #encode} */
    static MailUpdate decode(String text) {
        try {
            return MAPPER.readValue(text, MailUpdate.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable outcome in the delivery journal: " + e.getMessage(), e);
        }
    }
}

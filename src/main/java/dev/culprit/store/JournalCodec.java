package dev.culprit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A {@link MailUpdate} as the text of its delivery journal row: JSON, every field named. */
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

    /** @throws IllegalArgumentException when {@code text} is not an outcome written by {@link #encode} */
    static MailUpdate decode(String text) {
        try {
            return MAPPER.readValue(text, MailUpdate.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable outcome in the delivery journal: " + e.getMessage(), e);
        }
    }
}

package dev.culprit.answering.decide;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs taken from a hostile mail, checked before they are used anywhere: {@code <left@right>}
 * of printable ASCII without blanks, angle brackets or a second {@code @}, at most
 * {@value #MAX_LENGTH} characters. Anything else is not a Message-ID.
 */
public final class MessageIds {
    /** The longest Message-ID kept (the outbox column holds 998). */
    public static final int MAX_LENGTH = 250;
    /** How many ids an answer's References carries at most: the last ones. */
    public static final int MAX_REFERENCES = 10;
    private static final Pattern ONE = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e&&[^@]]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e&&[^@]]+>");
    private static final Pattern ANY = Pattern.compile("<[^<>]*>");

    private MessageIds() {
    }

    /** {@code value} as a Message-ID when the whole of it (blanks around aside) is one valid id. */
    public static Optional<String> valid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        return v.length() <= MAX_LENGTH && ONE.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }

    /** The valid Message-IDs in a header value, in order, without duplicates; invalid ones are left out. */
    public static List<String> all(String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ANY.matcher(value);
        while (m.find()) {
            valid(m.group()).ifPresent(ids::add);
        }
        return new ArrayList<>(ids);
    }

    /**
     * The References of an answer to a mail: the valid ids of its References, then its own
     * Message-ID, the last {@value #MAX_REFERENCES} of them.
     */
    public static List<String> references(String references, String messageId) {
        List<String> ids = new ArrayList<>(all(references));
        valid(messageId).ifPresent(id -> {
            ids.remove(id);
            ids.add(id);
        });
        return List.copyOf(ids.subList(Math.max(0, ids.size() - MAX_REFERENCES), ids.size()));
    }
}

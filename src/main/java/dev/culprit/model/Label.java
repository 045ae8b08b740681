package dev.culprit.model;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a result's culprit was right, as one source said at one time.
 *
 * @param value right or wrong
 * @param culprit the commit believed to be the culprit, when the source named one; else null
 * @param source who said so
 * @param evidence what it rests on: the fix's hash and trailers, the operator's reason, the
 *     reply's Message-ID
 * @param at when it was said
 */
public record Label(Value value, String culprit, Source source, String evidence, Instant at) {
    /** Right or wrong. */
    public enum Value {
        RIGHT, WRONG;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The value named {@code right} or {@code wrong}, in any case. */
        public static Value of(String id) {
            for (Value v : values()) {
                if (v.id().equalsIgnoreCase(id)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("not a label (right or wrong): " + id);
        }
    }

    /** Where a label came from, strongest first: an operator's outranks a fix's, a fix's a reply's. */
    public enum Source {
        OPERATOR(3), FIX(2), REPLY(1);

        private final int rank;

        Source(int rank) {
            this.rank = rank;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source of(String id) {
            for (Source s : values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("not a label source: " + id);
        }
    }

    public Label {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(at, "at");
        if (culprit != null && !culprit.matches("[\\x21-\\x7e]{1,64}")) {
            throw new IllegalArgumentException("not a commit: " + culprit);
        }
    }

    /**
     * The label in force among a result's labels: the strongest source's, and within a source the
     * latest (for equal times, the one later in the collection's order).
     */
    public static Optional<Label> inForce(Collection<Label> labels) {
        Label best = null;
        Comparator<Label> order = Comparator.<Label>comparingInt(l -> l.source().rank).thenComparing(Label::at);
        for (Label l : labels) {
            if (best == null || order.compare(l, best) >= 0) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }
}

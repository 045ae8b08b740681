package dev.culprit.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of named line rules, in the spirit of a tokeniser's named states: each rule knows the
 * prefix of the record it reads and hands its handler the offset where the rest of the line
 * starts, so no reader counts a prefix by hand. A table is built once and holds no state; the
 * reader it works on (the target) is passed in with each line.
 *
 * <p>The first rule whose prefix starts the line and whose handler takes it wins. Rules are tried
 * in the order they were added; a rule may not come after a shorter one that would take its lines.
 *
 * @param <T> what the handlers read into
 */
final class LineRules<T> {
    /** Reads a line that starts with the rule's prefix; false when it is not the rule's record after all. */
    @FunctionalInterface
    interface Handler<T> {
        boolean read(T target, String line, int end);
    }

    /** Reads every line that starts with the rule's prefix. */
    @FunctionalInterface
    interface Action<T> {
        void read(T target, String line, int end);
    }

    /** One rule: the prefix it reads and what it does with the line. */
    record Rule<T>(String prefix, Handler<T> handler) {
        Rule {
            if (prefix.isEmpty() || prefix.charAt(0) >= INDEXED) {
                throw new IllegalArgumentException("a rule's prefix must start with an ASCII character: \"" + prefix + "\"");
            }
        }
    }

    /** Rules are found by the first character of their prefix; lines that start otherwise need no search. */
    private static final int INDEXED = 128;

    private final List<Rule<T>> rules;
    private final Rule<T>[][] byFirst;

    @SuppressWarnings("unchecked")
    private LineRules(List<Rule<T>> rules) {
        this.rules = List.copyOf(rules);
        byFirst = (Rule<T>[][]) new Rule<?>[INDEXED][];
        for (Rule<T> r : rules) {
            char c = r.prefix().charAt(0);
            Rule<T>[] bucket = byFirst[c] == null ? (Rule<T>[]) new Rule<?>[0] : byFirst[c];
            bucket = Arrays.copyOf(bucket, bucket.length + 1);
            bucket[bucket.length - 1] = r;
            byFirst[c] = bucket;
        }
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Reads a non-empty line with the first rule that takes it; false when none does. */
    boolean read(T target, String line) {
        char c = line.charAt(0);
        Rule<T>[] bucket = c < INDEXED ? byFirst[c] : null;
        if (bucket == null) {
            return false;
        }
        for (Rule<T> r : bucket) {
            String prefix = r.prefix;
            if (line.startsWith(prefix) && r.handler.read(target, line, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** The rules in the order they are tried. */
    List<Rule<T>> rules() {
        return rules;
    }

    /** Collects the rules in the order they are tried. */
    static final class Builder<T> {
        private final List<Rule<T>> rules = new ArrayList<>();

        private Builder() {}

        /** A rule that may decline a line with its prefix. */
        Builder<T> onIf(String prefix, Handler<T> handler) {
            for (Rule<T> earlier : rules) {
                if (prefix.startsWith(earlier.prefix())) {
                    throw new IllegalStateException("the rule for \"" + prefix + "\" comes after the rule for \""
                            + earlier.prefix() + "\", which takes its lines first");
                }
            }
            rules.add(new Rule<>(prefix, handler));
            return this;
        }

        /** A rule that reads every line with its prefix. */
        Builder<T> on(String prefix, Action<T> action) {
            return onIf(prefix, (target, line, end) -> {
                action.read(target, line, end);
                return true;
            });
        }

        /** One action for several prefixes: the wordings of one record. */
        Builder<T> on(Action<T> action, String... prefixes) {
            for (String p : prefixes) {
                on(p, action);
            }
            return this;
        }

        LineRules<T> build() {
            return new LineRules<>(rules);
        }
    }
}

package dev.culprit.config;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A value of the wrong kind in the configuration or a sidecar, in plain words: what the key
 * expects, read from the Java type the key maps to, and what the file gave, read from the file
 * itself ({@code smtp.port: expected a whole number, got "abc"}). Jackson's own wording names Java
 * classes and tokens, which mean nothing to whoever edits the file.
 */
final class ValueErrors {
    private static final int SHOWN = 60;

    private ValueErrors() {}

    /**
     * Whether {@code e} is about the kind of a value (text where a number belongs, a list where a
     * section belongs, a number out of range, an unreadable duration or path) rather than a value
     * a section's own check refused.
     */
    static boolean isWrongKind(JsonMappingException e, Type root) {
        Type type = typeAt(root, e.getPath());
        if (type instanceof Class<?> c && c.isEnum()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MismatchedInputException || t instanceof InputCoercionException
                    || t instanceof DateTimeException || t instanceof InvalidPathException) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code expected ..., got ...} for the value at the path of {@code e}.
     *
     * @param root the type the whole file maps to
     * @param tree the whole file as a tree, or null when it could not be read as one
     */
    static String describe(JsonMappingException e, Type root, JsonNode tree) {
        Type type = typeAt(root, e.getPath());
        JsonNode given = nodeAt(tree, e.getPath());
        String expected = expected(type, given);
        return given == null ? "expected " + expected : "expected " + expected + ", got " + given(given);
    }

    /** The declared type the path leads to, or null when it cannot be told. */
    static Type typeAt(Type root, List<JsonMappingException.Reference> path) {
        Type t = root;
        for (JsonMappingException.Reference ref : path) {
            if (t == null) {
                return null;
            }
            Class<?> raw = raw(t);
            if (ref.getFieldName() != null && raw != null && raw.isRecord()) {
                t = component(raw, ref.getFieldName());
            } else if (raw != null && Map.class.isAssignableFrom(raw) || raw != null && Collection.class.isAssignableFrom(raw)) {
                t = t instanceof ParameterizedType p ? p.getActualTypeArguments()[p.getActualTypeArguments().length - 1] : null;
            } else {
                return null;
            }
        }
        return t;
    }

    private static Type component(Class<?> record, String key) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char ch : key.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> c.getName().contentEquals(camel))
                .map(RecordComponent::getGenericType)
                .findFirst().orElse(null);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        return t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }

    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode n = tree;
        for (JsonMappingException.Reference ref : path) {
            if (n == null) {
                return null;
            }
            n = ref.getFieldName() != null ? n.get(ref.getFieldName()) : n.get(ref.getIndex());
        }
        return n;
    }

    private static String expected(Type type, JsonNode given) {
        Class<?> c = raw(type);
        if (c == null) {
            return "a value of another kind";
        }
        if (c == Integer.class || c == int.class) {
            return wholeNumber(given, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (c == Long.class || c == long.class) {
            return wholeNumber(given, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return "a number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "true or false";
        }
        if (c == Duration.class) {
            return "a duration such as PT30S, PT5M, PT1H or P3D";
        }
        if (c == Path.class) {
            return "a file or directory path";
        }
        if (c == String.class) {
            return "a single text value";
        }
        if (c.isEnum()) {
            List<String> names = Arrays.stream(c.getEnumConstants()).map(k -> ((Enum<?>) k).name().toLowerCase(Locale.ROOT)).toList();
            return names.size() == 1 ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }
        if (Collection.class.isAssignableFrom(c)) {
            return "a list such as [a, b]";
        }
        return "key: value pairs";
    }

    /** A whole number, with its range when the file gave one outside it. */
    private static String wholeNumber(JsonNode given, long min, long max) {
        boolean outside = given != null && given.isIntegralNumber()
                && (given.bigIntegerValue().compareTo(BigInteger.valueOf(min)) < 0
                        || given.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0);
        return outside ? "a whole number from " + min + " to " + max : "a whole number";
    }

    private static String given(JsonNode n) {
        if (n.isTextual()) {
            return quote(n.textValue());
        }
        if (n.isArray()) {
            return n.isEmpty() ? "an empty list" : "a list";
        }
        if (n.isObject()) {
            return n.isEmpty() ? "an empty section" : "key: value pairs";
        }
        if (n.isNull() || n.isMissingNode()) {
            return "nothing";
        }
        return n.asText();
    }

    /** The text in double quotes, control characters shown as {@code \\uXXXX}, cut when long. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(SHOWN).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == 0x2028 || c == 0x2029) {
                b.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(s.codePointCount(0, s.length()) > SHOWN ? "...\"" : "\"").toString();
    }
}

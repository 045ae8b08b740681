package dev.culprit.replies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header (RFC 8601): the authserv-id of the server that added
 * it and the results it states. Comments are removed and names lower-cased; a header whose results
 * cannot be read keeps its authserv-id and says what was wrong in {@code problem}, so that a
 * garbled header with the operator's id is never skipped in favour of one below it.
 */
public record AuthenticationResults(String authservId, List<Result> results, String problem) {
    public AuthenticationResults {
        results = List.copyOf(results);
    }

    /** One result: {@code dkim=pass header.d=example.org}. */
    public record Result(String method, String value, Map<String, String> properties) {
        public Result {
            properties = Map.copyOf(properties);
        }

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name));
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(method + "=" + value);
            properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> s.append(' ').append(e.getKey()).append('=').append(e.getValue()));
            return s.toString();
        }
    }

    /** Reads one header value (without the {@code Authentication-Results:} name). */
    public static AuthenticationResults parse(String header) {
        String text = HeaderText.withoutComments(HeaderText.unfold(header));
        List<String> parts = HeaderText.split(text, ';');
        String[] first = parts.get(0).strip().split("\\s+");
        String id = HeaderText.unquote(first[0]).toLowerCase(Locale.ROOT);
        if (id.isEmpty() || first.length > 2 || first.length == 2 && !first[1].matches("\\d+")) {
            return new AuthenticationResults(id, List.of(), "no authserv-id before the first \";\"");
        }
        List<Result> results = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            String resinfo = part.strip().replaceAll("\\s*=\\s*", "=");
            if (resinfo.equalsIgnoreCase("none") && parts.size() == 2) {
                break;
            }
            Optional<Result> r = result(resinfo);
            if (r.isEmpty()) {
                return new AuthenticationResults(id, List.of(), "cannot read \"" + CommandParser.quoted(part.strip())
                        + "\"");
            }
            results.add(r.get());
        }
        return new AuthenticationResults(id, results, null);
    }

    private static Optional<Result> result(String resinfo) {
        List<String> tokens = HeaderText.split(resinfo, ' ');
        String[] method = tokens.get(0).split("=", 2);
        if (method.length != 2 || method[0].isEmpty() || method[1].isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> props = new HashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            if (token.isEmpty()) {
                continue;
            }
            String[] kv = token.split("=", 2);
            if (kv.length != 2 || kv[0].isEmpty()) {
                return Optional.empty();
            }
            props.putIfAbsent(kv[0].toLowerCase(Locale.ROOT), HeaderText.unquote(kv[1]));
        }
        String name = method[0].toLowerCase(Locale.ROOT).replaceFirst("/\\d+$", "");
        return Optional.of(new Result(name, method[1].toLowerCase(Locale.ROOT), props));
    }
}

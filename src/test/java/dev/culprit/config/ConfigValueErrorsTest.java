package dev.culprit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A value of the wrong kind is named with its key, what the key expects and what the file gave,
 * for every kind of value the configuration uses, never in the mapping library's own words.
 */
class ConfigValueErrorsTest {
    private final ConfigLoader loader = new ConfigLoader();

    private String error(String yaml) {
        try {
            loader.read(new StringReader(yaml), "culprit.yaml");
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # a whole number (Integer)
            smtp:\\n  port: abc                 | smtp.port: expected a whole number, got "abc" (line 2)
            smtp:\\n  port: "25"                | smtp.port: expected a whole number, got "25" (line 2)
            smtp:\\n  port: 1.5                 | smtp.port: expected a whole number, got 1.5 (line 2)
            smtp:\\n  port: true                | smtp.port: expected a whole number, got true (line 2)
            smtp:\\n  port: [25]                | smtp.port: expected a whole number, got a list (line 2)
            smtp:\\n  port: 99999999999         | smtp.port: expected a whole number from -2147483648 to 2147483647, got 99999999999 (line 2)
            # a whole number (Long)
            spool:\\n  max-log-bytes: lots      | spool.max-log-bytes: expected a whole number, got "lots" (line 2)
            # a number (Double), alone and in a map
            assess:\\n  mail-threshold: high    | assess.mail-threshold: expected a number, got "high" (line 2)
            assess:\\n  weights:\\n    merge: x | assess.weights.merge: expected a number, got "x" (line 3)
            # true or false (Boolean)
            paused: maybe                        | paused: expected true or false, got "maybe" (line 1)
            paused: 1                            | paused: expected true or false, got 1 (line 1)
            schedule:\\n  watch: "true"         | schedule.watch: expected true or false, got "true" (line 2)
            # a duration
            smtp:\\n  connect-timeout: 30s      | smtp.connect-timeout: expected a duration such as PT30S, PT5M, PT1H or P3D, got "30s" (line 2)
            delivery:\\n  lifetime: [P3D]       | delivery.lifetime: expected a duration such as PT30S, PT5M, PT1H or P3D, got a list (line 2)
            # a path
            spool:\\n  dir: [a, b]              | spool.dir: expected a file or directory path, got a list (line 2)
            spool:\\n  dir: {a: b}              | spool.dir: expected a file or directory path, got key: value pairs (line 2)
            # text
            message:\\n  from: [a]              | message.from: expected a single text value, got a list (line 2)
            state:\\n  jdbc-url: {a: b}         | state.jdbc-url: expected a single text value, got key: value pairs (line 2)
            # one of a set (enum)
            smtp:\\n  security: ssl             | smtp.security: expected starttls, tls or none, got "ssl" (line 2)
            smtp:\\n  security: 5               | smtp.security: expected starttls, tls or none, got 5 (line 2)
            # a list, and its items
            recipients:\\n  deny: x@example.org | recipients.deny: expected a list such as [a, b], got "x@example.org" (line 2)
            delivery:\\n  list-patterns: {a: b} | delivery.list-patterns: expected a list such as [a, b], got key: value pairs (line 2)
            recipients:\\n  deny: [ok, [a]]     | recipients.deny[1]: expected a single text value, got a list (line 2)
            # key: value pairs (a map, a section, the whole file)
            assess:\\n  weights: [1]            | assess.weights: expected key: value pairs, got a list (line 2)
            smtp: 5                              | smtp: expected key: value pairs, got 5 (line 1)
            metrics: [a]                         | metrics: expected key: value pairs, got a list (line 1)
            '- a\\n- b'                          | expected key: value pairs, got a list (line 1)
            just text                            | expected key: value pairs, got "just text" (line 1)
            """)
    void aValueOfTheWrongKindNamesTheKeyWhatWasExpectedAndWhatWasGiven(String yaml, String message) {
        String error = error(yaml.replace("\\n", "\n") + "\n");
        assertThat(error).isEqualTo("culprit.yaml: " + message);
        assertThat(error).doesNotContain("`", "java.", "Json", "Cannot", "coerc", "deserialize", "token");
    }

    @Test
    void aSectionsOwnCheckKeepsItsWording() {
        assertThat(error("smtp:\n  port: 0\n")).isEqualTo("culprit.yaml: smtp.port: must be within 1..65535: 0 (line 3)");
    }

    @Test
    void aSidecarValueOfTheWrongKindIsNamedTheSameWay() {
        assertThatThrownBy(() -> new SidecarReader().read(new StringReader("{\"to\": \"x@example.org\"}"), "4711.log.json"))
                .hasMessage("4711.log.json: to: expected a list such as [a, b], got \"x@example.org\" (line 1)");
        assertThatThrownBy(() -> new SidecarReader().read(new StringReader("{\"links\": [\"https://x.org\"]}"), "4711.log.json"))
                .hasMessage("4711.log.json: links: expected key: value pairs, got a list (line 1)");
    }
}

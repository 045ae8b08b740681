package dev.culprit.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every configuration key: those of the example file
 * config/culprit.yaml and those of the configuration records (which include the keys the example
 * only shows in comments), and names no key that does not exist.
 */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Path EXAMPLE = Path.of("config/culprit.yaml");
    private static final Pattern ROW_KEY = Pattern.compile("(?m)^\\| `([a-z][a-z0-9.-]*)` \\|");
    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();

    @Test
    void everyKeyOfTheExampleConfigurationIsDocumented() throws IOException {
        Set<String> keys = new TreeSet<>();
        exampleKeys(new YAMLMapper().readTree(EXAMPLE.toFile()), "", keys);
        assertThat(keys).as("keys read from " + EXAMPLE).contains("smtp.host", "assess.weights.merge", "paused");
        assertThat(documentedKeys()).as(DOC + " rows").containsAll(keys);
    }

    @Test
    void everyKeyOfTheConfigurationRecordsIsDocumented() throws IOException {
        Set<String> keys = new TreeSet<>();
        recordKeys(CulpritConfig.class, "", keys);
        assertThat(keys).contains("recipients.opt-out-file", "message.reply-to", "state.jdbc-url");
        assertThat(documentedKeys()).as(DOC + " rows").containsAll(keys);
    }

    @Test
    void everyDocumentedKeyExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        recordKeys(CulpritConfig.class, "", keys);
        exampleKeys(new YAMLMapper().readTree(EXAMPLE.toFile()), "", keys);
        assertThat(keys).as("keys of the records and of " + EXAMPLE).containsAll(documentedKeys());
    }

    /** The keys in the first column of the doc's tables. */
    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = ROW_KEY.matcher(Files.readString(DOC));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** Every key with a value in the example file (not a section, nor one left empty), as a dotted path. */
    private static void exampleKeys(JsonNode node, String prefix, Set<String> keys) {
        node.fields().forEachRemaining(e -> {
            String path = prefix + e.getKey();
            if (e.getValue().isObject()) {
                exampleKeys(e.getValue(), path + ".", keys);
            } else if (!e.getValue().isNull()) {
                keys.add(path);
            }
        });
    }

    /** Every component of the configuration records, kebab-cased as the loader reads it. */
    private static void recordKeys(Class<?> type, String prefix, Set<String> keys) {
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + KEBAB.translate(c.getName());
            if (c.getType().isRecord()) {
                recordKeys(c.getType(), path + ".", keys);
            } else {
                keys.add(path);
            }
        }
    }
}

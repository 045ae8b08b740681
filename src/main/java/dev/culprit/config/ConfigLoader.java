package dev.culprit.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration onto {@link CulpritConfig}. Keys are kebab-case in the file
 * ({@code crash-report-limit}); unknown keys are rejected; every error names the file and the
 * key path ({@code culprit.yaml: parse.crash-report-limit: must not be negative: -1}), and a value
 * of the wrong kind says what the key expects and what it got, in plain words
 * ({@code culprit.yaml: smtp.port: expected a whole number, got "abc" (line 2)}; see
 * {@link ValueErrors}). A number with a fraction is not taken for a whole number.
 */
public final class ConfigLoader {
    private final YAMLMapper mapper;

    public ConfigLoader() {
        mapper = YAMLMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        mapper.findAndRegisterModules();
    }

    /** Loads the file, or the defaults when {@code file} is null. */
    public CulpritConfig load(Path file) throws ConfigException {
        if (file == null) {
            return CulpritConfig.defaults();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a configuration from text; {@code source} names it in errors.
     *
     * <p>Section records validate themselves in their constructors; their
     * {@link IllegalArgumentException} messages start with the key ({@code cap: must be positive}),
     * which is appended to the path of the section.
     */
    public CulpritConfig read(Reader reader, String source) throws ConfigException {
        String text;
        try {
            text = readAll(reader);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
        try {
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#") || l.strip().equals("---"))) {
                return CulpritConfig.defaults();
            }
            CulpritConfig c = mapper.readValue(text, CulpritConfig.class);
            return c == null ? CulpritConfig.defaults() : c;
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + describe(e, CulpritConfig.class, treeOrNull(mapper, text)), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new ConfigException(source + ": " + where + "not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        for (int n; (n = reader.read(buf)) > 0; ) {
            text.append(buf, 0, n);
        }
        return text.toString();
    }

    /** The text as a tree, to show what a key was given; null when it is not one. */
    static JsonNode treeOrNull(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The key path of a value that could not be read and what is wrong with it, in plain words:
     * an unknown key with the known ones, a value of the wrong kind with what was expected and what
     * was given, or the message of a section's own check.
     *
     * @param root the type the whole file maps to
     * @param tree the whole file as a tree, or null
     */
    static String describe(JsonMappingException e, Type rootType, JsonNode tree) {
        String path0 = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String path = path0;
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        String what;
        if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown key; known keys here: " + u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
        } else if (ValueErrors.isWrongKind(e, rootType)) {
            what = ValueErrors.describe(e, rootType, tree);
        } else {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof IllegalArgumentException && root.getMessage() != null) {
                // Section records validate in their constructors and start the message with the
                // offending key ("crash-report-limit: must not be negative: -1").
                what = root.getMessage();
                int colon = what.indexOf(": ");
                if (colon > 0 && what.substring(0, colon).matches("[a-z0-9.\\[\\]-]+")) {
                    path = path.isEmpty() ? what.substring(0, colon) : path + "." + what.substring(0, colon);
                    what = what.substring(colon + 2);
                }
            } else {
                what = e.getOriginalMessage();
            }
        }
        return (path.isEmpty() ? "" : path + ": ") + what + line;
    }

    /** A JSON mapper with the same conventions, for sidecars and JSON output. */
    public static JsonMapper jsonMapper() {
        JsonMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        m.findAndRegisterModules();
        return m;
    }
}

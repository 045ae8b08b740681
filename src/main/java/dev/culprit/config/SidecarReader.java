package dev.culprit.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.culprit.model.Sidecar;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the optional sidecar {@code <log>.json} beside a log. Keys are kebab-case
 * ({@code bug-id}, {@code message-id}, {@code links.kernel-config}); unknown keys are rejected and
 * every error names the file and the key:
 * {@code 4711.log.json: links.dashbord: unknown key; known keys here: ...}.
 *
 * <pre>{@code
 * {
 *   "bug-id": "8e4a1e6cd3b7c2f5a1d0",
 *   "title": "possible deadlock in hfsplus_file_extend",
 *   "links": {
 *     "dashboard": "https://syzkaller.appspot.com/bug?extid=8e4a1e6cd3b7c2f5a1d0",
 *     "log": "https://syzkaller.appspot.com/x/bisect.txt?x=14b19a8c580000",
 *     "kernel-config": "https://syzkaller.appspot.com/x/.config?x=...",
 *     "repro-c": "https://syzkaller.appspot.com/x/repro.c?x=...",
 *     "repro-syz": "https://syzkaller.appspot.com/x/repro.syz?x=..."
 *   },
 *   "message-id": "<000000000000a1b2c3@google.com>",
 *   "reported-by": "syzbot+8e4a1e6cd3b7c2f5a1d0@syzkaller.appspotmail.com",
 *   "to": ["Some Maintainer <maint@example.org>"],
 *   "cc": ["subsystem@lists.example.org"]
 * }
 * }</pre>
 */
public final class SidecarReader {
    /** Sidecars are small; anything bigger is not one. */
    public static final long MAX_SIZE = 1024 * 1024;

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The sidecar path of a log: the log's name with {@code .json} appended. */
    public static Path sidecarOf(Path log) {
        return log.resolveSibling(log.getFileName().toString() + ".json");
    }

    /** Reads the sidecar beside {@code log}, or empty when there is none. */
    public Optional<Sidecar> readBeside(Path log) throws ConfigException {
        Path file = sidecarOf(log);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    public Sidecar read(Path file) throws ConfigException {
        if (Files.isSymbolicLink(file)) {
            throw new ConfigException(file + ": a symbolic link, not a sidecar file");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_SIZE + 1);
            if (bytes.length > MAX_SIZE) {
                throw new ConfigException(file + ": larger than " + MAX_SIZE + " bytes, not a sidecar");
            }
            return read(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a sidecar from text; {@code source} names it in errors. */
    public Sidecar read(Reader reader, String source) throws ConfigException {
        String text = null;
        try {
            text = ConfigLoader.readAll(reader);
            Sidecar s = mapper.readValue(text, Sidecar.class);
            if (s == null) {
                throw new ConfigException(source + ": empty sidecar; expected a JSON object");
            }
            return s;
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": " + ConfigLoader.describe(e, Sidecar.class, ConfigLoader.treeOrNull(mapper, text)), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new ConfigException(source + ": " + where + "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
    }
}

package dev.culprit.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads secrets from a file or an environment variable, never from the configuration itself. A
 * relative file name is looked up in {@code $CREDENTIALS_DIRECTORY} when systemd set it
 * ({@code LoadCredential=}), else relative to the working directory.
 */
public final class Secrets {
    private final Map<String, String> env;

    public Secrets(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static Secrets fromEnvironment() {
        return new Secrets(System.getenv());
    }

    /** The file a relative or absolute {@code password-file} names. */
    public Path locate(String file) {
        Path p = Path.of(file);
        String creds = env.get("CREDENTIALS_DIRECTORY");
        if (!p.isAbsolute() && creds != null && !creds.isEmpty()) {
            return Path.of(creds).resolve(p);
        }
        return p;
    }

    /**
     * The secret, or null when neither source is given.
     *
     * @param key the configuration key, for messages ({@code smtp.password-file})
     * @throws IllegalStateException naming the key and the file or variable when it cannot be read
     */
    public String read(String key, String file, String envVar) {
        if (file != null) {
            Path p = locate(file);
            try {
                String s = Files.readString(p, StandardCharsets.UTF_8);
                // a trailing newline from an editor or echo is not part of the password
                return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
            } catch (IOException e) {
                throw new IllegalStateException(key + "-file: cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        if (envVar != null) {
            String v = env.get(envVar);
            if (v == null) {
                throw new IllegalStateException(key + "-env: environment variable " + envVar + " is not set");
            }
            return v;
        }
        return null;
    }
}

package dev.culprit.config;

import dev.culprit.recipients.OptOuts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The opt-out list on disk: one address or domain per line (see {@link OptOuts#parse}). Read anew
 * for every mail, so an opt-out counts from the next mail on. A missing file is an empty list.
 */
public final class OptOutFile {
    private final Path file;

    public OptOutFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public OptOuts read() throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OptOuts.none();
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the opt-out list: " + e.getMessage(), e);
        }
        try {
            return OptOuts.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ":" + e.getMessage().replaceFirst("^line ", ""), e);
        }
    }
}

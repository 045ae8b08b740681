package dev.culprit.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The corpus of real and format-faithful logs copied into the test resources. */
final class Corpus {
    private Corpus() {}

    static Path root() {
        URL url = Corpus.class.getResource("/corpus");
        if (url == null) {
            throw new IllegalStateException("test resource folder corpus/ is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every log with an {@code .expected.json} beside it, in both folders. */
    static List<Path> logsWithExpectations() {
        return list(p -> p.getFileName().toString().endsWith(".txt")
                && Files.exists(expectationOf(p)));
    }

    /** The error-only files of {@code real/}. */
    static List<Path> errorOnlyFiles() {
        return list(p -> p.getFileName().toString().startsWith("Error_") && p.toString().endsWith(".txt"));
    }

    static List<Path> allLogs() {
        return list(p -> p.getFileName().toString().endsWith(".txt"));
    }

    static Path expectationOf(Path log) {
        String name = log.getFileName().toString();
        return log.resolveSibling(name.substring(0, name.length() - 4) + ".expected.json");
    }

    private static List<Path> list(java.util.function.Predicate<Path> filter) {
        try (Stream<Path> s = Stream.concat(Files.list(root()), Files.list(root().resolve("real")))) {
            return s.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

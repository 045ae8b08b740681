package dev.culprit.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.BisectionReport;
import dev.culprit.parse.LogParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus log, rendered as the pipeline would: its timeline has one line per tested
 * revision, none over 78 code points, and the culprit's line is marked.
 */
class TimelineCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");

    static Stream<Path> logs() throws IOException {
        try (Stream<Path> top = Files.list(CORPUS); Stream<Path> real = Files.list(CORPUS.resolve("real"))) {
            return Stream.concat(top.toList().stream(), real.toList().stream())
                    .filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    /** The lines of the timeline section, between its underline and the next blank line. */
    static List<String> timeline(String body) {
        List<String> lines = body.lines().toList();
        int start = lines.indexOf("Bisection timeline");
        List<String> out = new ArrayList<>();
        if (start < 0) {
            return out;
        }
        for (int i = start + 3; i < lines.size() && !lines.get(i).isEmpty(); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logs")
    void timelineHasOneLinePerRevisionWithinWidthAndMarksTheCulprit(Path log) throws Exception {
        BisectionReport r;
        try (Reader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            r = new LogParser(64 * 1024).parse(in).report();
        }
        List<String> lines = timeline(RenderFixture.render(r).body());
        assertThat(lines).hasSize(r.revisions().size());
        assertThat(lines).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(78));
        String culprit = r.culprit() != null ? r.culprit().hash() : r.culpritHash();
        if (culprit != null && r.revisions().stream().anyMatch(t -> t.hash().equals(culprit))) {
            String shortHash = culprit.substring(0, 12);
            assertThat(lines).filteredOn(l -> l.contains(" " + shortHash + " "))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l).startsWith("> ").containsPattern("\\[(culprit|fix)[,\\]]"));
        }
    }
}

package dev.culprit.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus log reads exactly as its {@code .expected.json} says, field by field. */
class CorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The real logs of {@code corpus/real}, each with its {@code .expected.json}. */
    private static final int REAL_LOGS = 559;
    private static final int ERROR_ONLY_FILES = 20;

    static Stream<Path> logsWithExpectations() {
        return Corpus.logsWithExpectations().stream();
    }

    static Stream<Path> errorOnlyFiles() {
        return Corpus.errorOnlyFiles().stream();
    }

    static ParseResult parse(Path log) throws IOException {
        try (Reader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            return new LogParser(64 * 1024).parse(r);
        }
    }

    /** The fields of an {@code .expected.json} file, as the parser read them. */
    static Map<String, Object> expectedFields(BisectionReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type() == null ? null : r.type().id());
        m.put("outcome", r.outcome().id());
        m.put("startCommit", r.startCommit());
        m.put("culpritHash", r.culpritHash());
        m.put("culpritTitle", r.culpritTitle());
        m.put("culpritAuthor", r.culprit() == null ? null : r.culprit().author());
        m.put("culpritDate", r.culprit() == null ? null : r.culprit().date());
        m.put("inconclusiveCommits", r.inconclusiveCommits());
        m.put("to", r.to());
        m.put("cc", r.cc());
        m.put("crashTitle", r.crashTitle());
        m.put("revisionsTested", r.revisionsTested());
        m.put("totalTime", r.totalTime());
        m.put("errorMessage", r.errorMessage());
        return m;
    }

    @Test
    void holdsEveryRealLogWithItsExpectationAndEveryErrorOnlyFile() {
        List<Path> real = Corpus.logsWithExpectations().stream()
                .filter(p -> p.getFileName().toString().startsWith("Log_")).toList();
        assertThat(real).hasSize(REAL_LOGS);
        assertThat(Corpus.allLogs().stream().filter(p -> p.getFileName().toString().startsWith("Log_")))
                .as("every real log has an .expected.json").hasSize(REAL_LOGS);
        assertThat(Corpus.errorOnlyFiles()).hasSize(ERROR_ONLY_FILES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logsWithExpectations")
    void readsEveryExpectedField(Path log) throws IOException {
        JsonNode expected = JSON.readTree(Corpus.expectationOf(log).toFile());
        Map<String, Object> actual = expectedFields(parse(log).report());
        List<String> mismatches = new ArrayList<>();
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            assertThat(actual).as("field %s is read at all", field).containsKey(field);
            JsonNode want = expected.get(field);
            JsonNode got = JSON.valueToTree(actual.get(field));
            if (!want.equals(got)) {
                mismatches.add(field + ": expected " + want + " but read " + got);
            }
        }
        assertThat(mismatches).as(log.getFileName().toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorOnlyFiles")
    void readsErrorOnlyFilesAsUnfinishedLogs(Path log) throws IOException {
        ParseResult result = parse(log);
        assertThat(result.report().outcome()).isIn(Outcome.ERROR, Outcome.TRUNCATED);
        assertThat(result.problems()).isNotEmpty();
    }
}

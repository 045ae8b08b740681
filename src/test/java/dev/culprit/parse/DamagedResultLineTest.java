package dev.culprit.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Outcome;
import dev.culprit.model.ParseResult;
import dev.culprit.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A real log whose result records are damaged by one control character: the culprit is taken
 * from git's {@code <h> is the first bad commit} line when the log goes on past the result, and
 * the unreadable line is named; a log cut before its result stays truncated.
 */
class DamagedResultLineTest {
    private static final Path LOG = Path.of("src/test/resources/corpus/real/Log_1004e126d00000.txt");
    private static final String CULPRIT = "5042d40a264c8a508d58ed71e4c07b05175b3635";
    private static final String SUMMARY = "revisions tested: ";
    private static final String RESULT = "first bad commit: ";
    /** Line numbers in the log as it is. */
    private static final int SUMMARY_LINE = 145;
    private static final int RESULT_LINE = 146;
    private static final List<Character> CONTROLS = Stream.concat(
            IntStream.range(0, 0x20).boxed(), Stream.of(0x7f, 0x85, 0x2028, 0x2029)).map(c -> (char) c.intValue()).toList();

    private static String log() throws IOException {
        return Files.readString(LOG, StandardCharsets.UTF_8);
    }

    private static String insert(String text, int at, char c) {
        return text.substring(0, at) + c + text.substring(at);
    }

    private static ParseResult parse(String text) {
        return new LogParser(64 * 1024).parse(text);
    }

    private static void assertCulprit(ParseResult result) {
        BisectionReport r = result.report();
        assertThat(r.outcome()).isEqualTo(Outcome.CULPRIT);
        assertThat(r.culpritHash()).isEqualTo(CULPRIT);
        assertThat(r.culprit()).isNotNull();
        assertThat(r.culprit().title()).isEqualTo("x86/fault: Bypass no_context() for implicit kernel faults from usermode");
        assertThat(r.to()).contains("luto@kernel.org");
        assertThat(r.cc()).contains("x86@kernel.org");
        assertThat(r.crash().title()).isEqualTo("WARNING in emulate_vsyscall");
    }

    @Test
    void aControlCharacterInsideFirstBadCommitKeepsGitsCulpritAndNamesTheLine() throws IOException {
        String text = log();
        ParseResult result = parse(insert(text, text.indexOf(RESULT) + "first bad".length(), '\u0001'));
        assertCulprit(result);
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(RESULT_LINE);
            assertThat(p.message()).contains("the result line is unreadable").contains(CULPRIT);
        });
        assertThat(result.report().revisionsTested()).isEqualTo(17);
    }

    @Test
    void aLineFeedInsideFirstBadCommitKeepsGitsCulpritAndNamesTheFirstPart() throws IOException {
        String text = log();
        ParseResult result = parse(insert(text, text.indexOf(RESULT) + "first bad".length(), '\n'));
        assertCulprit(result);
        assertThat(result.problems()).extracting(Problem::line).contains(RESULT_LINE);
        assertThat(result.problems()).filteredOn(p -> p.message().contains("the result line is unreadable"))
                .extracting(Problem::line).containsExactly(RESULT_LINE);
    }

    @Test
    void aControlCharacterInsideRevisionsTestedReadsTheResultAfterIt() throws IOException {
        String text = log();
        ParseResult result = parse(insert(text, text.indexOf(SUMMARY) + "revisions".length(), '\u001b'));
        assertCulprit(result);
        assertThat(result.report().revisionsTested()).isNull();
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(SUMMARY_LINE);
            assertThat(p.message()).contains("not a readable \"revisions tested\" summary").contains("line " + RESULT_LINE);
        });
    }

    @Test
    void aLineFeedInsideRevisionsTestedNamesTheLineBeforeTheResult() throws IOException {
        String text = log();
        ParseResult result = parse(insert(text, text.indexOf(SUMMARY) + "revisions".length(), '\n'));
        assertCulprit(result);
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(SUMMARY_LINE + 1);
            assertThat(p.message()).contains("not a readable \"revisions tested\" summary").contains("line " + (RESULT_LINE + 1));
        });
    }

    @Test
    void everyControlCharacterAnywhereInTheOpeningWordsKeepsTheCulprit() throws IOException {
        String text = log();
        int summary = text.indexOf(SUMMARY);
        int result = text.indexOf(RESULT);
        List<Integer> positions = new ArrayList<>();
        IntStream.rangeClosed(summary, summary + SUMMARY.length()).forEach(positions::add);
        positions.add(result);
        IntStream.rangeClosed(result, result + RESULT.length()).forEach(positions::add);
        positions.add(result + RESULT.length() + 40);
        positions.add(result + RESULT.length() + 41);
        for (int at : positions) {
            for (char c : CONTROLS) {
                BisectionReport r = parse(insert(text, at, c)).report();
                assertThat(r.culpritHash()).as("U+%04X at %d", (int) c, at).isEqualTo(CULPRIT);
                assertThat(r.outcome()).as("U+%04X at %d", (int) c, at).isEqualTo(Outcome.CULPRIT);
            }
        }
    }

    @Test
    void aDamagedResultLineAtTheEndOfTheLogStaysTruncated() throws IOException {
        String text = log();
        int result = text.indexOf(RESULT);
        String cut = text.substring(0, text.indexOf('\n', result) + 1);
        assertThat(parse(cut).report().outcome()).isEqualTo(Outcome.CULPRIT);
        assertThat(parse(insert(cut, result + "first".length(), '\u0001')).report().outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(parse(insert(cut, result + "first".length(), '\n')).report().outcome()).isEqualTo(Outcome.TRUNCATED);
    }

    @Test
    void aDamagedSummaryAtTheEndOfTheLogStaysTruncated() throws IOException {
        String text = log();
        int summary = text.indexOf(SUMMARY);
        String cut = text.substring(0, text.indexOf('\n', summary) + 1);
        BisectionReport r = parse(insert(cut, summary + "revisions".length(), '\n')).report();
        assertThat(r.outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(r.culpritHash()).isNull();
    }

    @Test
    void aDamagedResultLineNamingAnotherCommitThanGitStaysTruncated() throws IOException {
        String other = "0".repeat(40);
        String text = log().replace(RESULT + CULPRIT, "first bad\u0001 commit: " + other);
        BisectionReport r = parse(text).report();
        assertThat(r.outcome()).isEqualTo(Outcome.TRUNCATED);
        assertThat(r.culpritHash()).isNull();
        String noSummary = log().replace(SUMMARY, "revisions\u0001 tested: ").replace(RESULT + CULPRIT, RESULT + other);
        assertThat(parse(noSummary).report().outcome()).isEqualTo(Outcome.TRUNCATED);
    }
}

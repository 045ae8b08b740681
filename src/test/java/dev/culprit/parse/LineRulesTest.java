package dev.culprit.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRulesTest {
    private final List<String> read = new ArrayList<>();

    @Test
    void handsTheRuleTheOffsetAfterItsPrefix() {
        LineRules<List<String>> rules = LineRules.<List<String>>builder()
                .on("all runs: ", (out, line, end) -> out.add(line.substring(end)))
                .build();
        assertThat(rules.read(read, "all runs: OK")).isTrue();
        assertThat(read).containsExactly("OK");
    }

    @Test
    void letsTheNextRuleReadALineThatARuleDeclines() {
        LineRules<List<String>> rules = LineRules.<List<String>>builder()
                .onIf("parent commit ", (out, line, end) -> false)
                .on("parent ", (out, line, end) -> out.add("parent " + line.substring(end)))
                .build();
        assertThat(rules.read(read, "parent commit x")).isTrue();
        assertThat(read).containsExactly("parent commit x");
    }

    @Test
    void readsNoLineThatNoRuleTakes() {
        LineRules<List<String>> rules = LineRules.<List<String>>builder()
                .onIf("run #", (out, line, end) -> false)
                .build();
        assertThat(rules.read(read, "run #x")).isFalse();
        assertThat(rules.read(read, "Bisecting: 3 revisions left")).isFalse();
        assertThat(rules.read(read, "\u00e9t\u00e9")).isFalse();
    }

    @Test
    void refusesARuleThatAnEarlierShorterRuleWouldHide() {
        LineRules.Builder<List<String>> rules = LineRules.<List<String>>builder().on("# config", (out, line, end) -> { });
        assertThatThrownBy(() -> rules.on("# configuration already minimized", (out, line, end) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the rule for \"# configuration already minimized\" comes after the rule for \"# config\","
                        + " which takes its lines first");
    }

    @Test
    void refusesAPrefixThatCannotBeIndexed() {
        assertThatThrownBy(() -> LineRules.<List<String>>builder().on("", (out, line, end) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineRules.<List<String>>builder().on("\u00e9t\u00e9", (out, line, end) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordsBeforeTheSummaryHaveOneRuleEachWithNoneHidden() {
        List<String> prefixes = LogReading.bodyRulesTable().rules().stream().map(LineRules.Rule::prefix).toList();
        assertThat(prefixes).doesNotHaveDuplicates()
                .contains("testing commit ", "run #", "# git bisect ", "kconfig minimization: ", "parent commit ", "parent ")
                .containsSubsequence("# configuration already minimized", "# config");
    }
}

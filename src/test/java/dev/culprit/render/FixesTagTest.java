package dev.culprit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.assess.AssessPolicy;
import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.ReportBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixesTagTest {
    static final String FIXES = "Fixes: 7a819b1f87a1 (\"hfsplus: switch to the new mount API\")";

    @Test
    void aResultWithoutDoubtSuggestsFixes() throws Exception {
        String body = RenderFixture.render(ReportBuilder.culprit().build()).body();
        assertThat(body).contains(FIXES).doesNotContain("No Fixes: tag");
    }

    @Test
    void contextOnlyDoubtsStillSuggestFixes() throws Exception {
        BisectionReport r = ReportBuilder.culprit().flaky().skip("1".repeat(40)).build();
        String body = RenderFixture.render(r).body();
        assertThat(body).contains("The reproducer is flaky").contains(FIXES);
    }

    @Test
    void aRealDoubtWithdrawsFixesButKeepsTheOtherTags() throws Exception {
        BisectionReport r = ReportBuilder.culprit().flaky().originalCrashTitle("KASAN: use-after-free in foo").build();
        String body = RenderFixture.render(r).body();
        assertThat(body).doesNotContain("Fixes: 7a819b1f87a1")
                .contains("Reported-by: " + RenderFixture.REPORTED_BY)
                .contains("No Fixes: tag is suggested: please check the concerns above first.");
    }

    @Test
    void contextSignalsAreConfigurableAndCheckedByName() throws Exception {
        AssessPolicy p = new ConfigLoader().read(new StringReader("assess:\n  context-signals: [flaky]\n"), "c.yaml")
                .assess();
        assertThat(p.contextSignals()).containsExactly("flaky");
        assertThat(p.confident(List.of("flaky"))).isTrue();
        assertThat(p.confident(List.of("flaky", "skipped-commits"))).isFalse();
        assertThat(AssessPolicy.defaults().confident(List.of("skipped-commits", "flaky"))).isTrue();
        assertThatThrownBy(() -> new ConfigLoader().read(
                new StringReader("assess:\n  context-signals: [flakey]\n"), "c.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("context-signals").hasMessageContaining("flakey");
    }
}

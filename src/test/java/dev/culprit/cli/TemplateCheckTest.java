package dev.culprit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TemplateCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private CulpritConfig withTemplates(Path templates) throws Exception {
        return new ConfigLoader().read(new StringReader("render:\n  templates: " + templates + "\n"), "culprit.yaml");
    }

    @Test
    void everyBundledTemplateRendersAgainstItsSample() throws Exception {
        List<TemplateCheck.Line> lines = TemplateCheck.run(new Culprit(CulpritConfig.defaults(), CLOCK));

        assertThat(lines).extracting(TemplateCheck.Line::template).containsExactly("subject.ftl", "culprit.ftl", "fix.ftl",
                "inconclusive.ftl", "oldest-release-has-bug.ftl", "not-fixed-on-head.ftl", "error.ftl", "truncated.ftl",
                "moderation-notice.ftl", "retraction.ftl", "answer.ftl", "reply-note.ftl");
        assertThat(lines).allMatch(TemplateCheck.Line::ok);
        assertThat(lines.get(0).text()).isEqualTo("template subject.ftl: ok: rendered for 7 samples");
        assertThat(lines.get(1).text()).startsWith("template culprit.ftl: ok: sample culprit.log, subject \"[culprit] ");
    }

    @Test
    void anOverrideThatFailsOnRealDataIsNamed() throws Exception {
        Files.writeString(dir.resolve("fix.ftl"), "Fixed by ${report.noSuchField}\n");

        List<TemplateCheck.Line> lines = TemplateCheck.run(new Culprit(withTemplates(dir), CLOCK));

        TemplateCheck.Line fix = lines.stream().filter(l -> l.template().equals("fix.ftl")).findFirst().orElseThrow();
        assertThat(fix.ok()).isFalse();
        assertThat(fix.text()).startsWith("template fix.ftl: failed: fix.log: template fix.ftl failed: ");
        assertThat(lines.stream().filter(l -> !l.template().equals("fix.ftl"))).allMatch(TemplateCheck.Line::ok);
    }

    @Test
    void checkConfigExitsTwoOnABrokenTemplate() throws Exception {
        Files.writeString(dir.resolve("error.ftl"), "${report.noSuchField}\n");
        Path config = Files.writeString(dir.resolve("culprit.yaml"), "render:\n  templates: " + dir + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CheckConfigCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("--config", config.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("template error.ftl: failed: ").contains("template culprit.ftl: ok: ");
        assertThat(err.toString()).contains("render.templates: error.ftl: ");
    }
}

package dev.culprit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.cli.Culprit;
import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.ParseResult;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Recipient;
import dev.culprit.model.Recipient.Field;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.Verdict;
import dev.culprit.spool.LogRejectedException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
    @TempDir
    Path dir;

    private CulpritConfig config(String yaml) throws ConfigException {
        return new ConfigLoader().read(new StringReader(yaml), "culprit.yaml");
    }

    private static ParseResult parsed() {
        return new ParseResult(ReportBuilder.culprit().build(), List.of());
    }

    @Test
    void preparedMailCarriesKeyMessageIdVerdictAndRecipients() throws Exception {
        PreparedMail m = new Culprit(CulpritConfig.defaults(), GoldenTest.CLOCK).pipeline().prepare("4711.log", parsed(), null);
        assertThat(m.source()).isEqualTo("4711.log");
        assertThat(m.messageId()).isEqualTo("<culprit.8aea6061bf7004b21baac457@localhost>");
        assertThat(m.key().value()).isEqualTo(
                "cause|culprit|possible deadlock in hfsplus_file_extend|7a819b1f87a1047e9632f6cc41488334f2189820");
        assertThat(m.verdict()).isEqualTo(Verdict.MAIL);
        assertThat(m.subject()).isEqualTo("[culprit] possible deadlock in hfsplus_file_extend: cause bisected to 7a819b1f87a1");
        assertThat(m.recipients()).extracting(Recipient::address).startsWith("sandeen@redhat.com");
        assertThat(new String(m.message(), StandardCharsets.UTF_8)).contains("\r\nMessage-ID: " + m.messageId() + "\r\n");
    }

    @Test
    void samePreparationTwiceGivesTheSameBytes() throws Exception {
        Pipeline p = new Culprit(CulpritConfig.defaults(), GoldenTest.CLOCK).pipeline();
        assertThat(p.prepare("a.log", parsed(), null).message()).isEqualTo(p.prepare("a.log", parsed(), null).message());
    }

    @Test
    void templateDirectoryOverridesBundledTemplatesOfTheSameName() throws Exception {
        Files.writeString(dir.resolve("subject.ftl"), "Custom: ${title}");
        CulpritConfig c = config("render:\n  templates: " + dir + "\n");
        PreparedMail m = new Culprit(c, GoldenTest.CLOCK).pipeline().prepare("a.log", parsed(), null);
        assertThat(m.subject()).isEqualTo("Custom: possible deadlock in hfsplus_file_extend");
        assertThat(new String(m.message(), StandardCharsets.UTF_8)).contains("Bisection found the commit that introduced this crash:");
    }

    @Test
    void missingTemplateDirectoryIsAConfigError() throws Exception {
        CulpritConfig c = config("render:\n  templates: " + dir.resolve("nope") + "\n");
        assertThatThrownBy(() -> new Culprit(c, GoldenTest.CLOCK).pipeline())
                .isInstanceOf(ConfigException.class).hasMessage("render.templates: not a directory: " + dir.resolve("nope"));
    }

    @Test
    void brokenOverrideTemplateFailsThePreparationNamingTheLog() throws Exception {
        Files.writeString(dir.resolve("culprit.ftl"), "${noSuchThing}");
        Pipeline p = new Culprit(config("render:\n  templates: " + dir + "\n"), GoldenTest.CLOCK).pipeline();
        assertThatThrownBy(() -> p.prepare("4711.log", parsed(), null)).isInstanceOf(PrepareException.class)
                .hasMessageStartingWith("4711.log: template culprit.ftl failed:");
    }

    @Test
    void optOutFileIsHonouredFromTheNextMailOn() throws Exception {
        Path optOut = dir.resolve("opt-out");
        Pipeline p = new Culprit(config("recipients:\n  opt-out-file: " + optOut + "\n"), GoldenTest.CLOCK).pipeline();
        assertThat(p.prepare("a.log", parsed(), null).recipients()).extracting(Recipient::address).contains("jack@suse.cz");
        Files.writeString(optOut, "jack@suse.cz\n");
        Prepared after = p.prepareWithDetails("a.log", parsed(), null);
        assertThat(after.mail().recipients()).extracting(Recipient::address).doesNotContain("jack@suse.cz");
        assertThat(after.policy().dropped()).extracting(d -> d.address() + ": " + d.reason()).containsExactly("jack@suse.cz: opted out");
    }

    @Test
    void creditAddressComesFromTheSidecarElseTheConfig() throws Exception {
        Pipeline p = new Culprit(config("message:\n  reported-by: ci-bot@example.org\n"), GoldenTest.CLOCK).pipeline();
        assertThat(new String(p.prepare("a.log", parsed(), null).message(), StandardCharsets.UTF_8))
                .contains("Reported-by: ci-bot@example.org\r\n");
        dev.culprit.model.Sidecar side = new dev.culprit.model.Sidecar(null, null, null, null, "Bot <bot@example.net>", null, null);
        assertThat(new String(p.prepare("a.log", parsed(), side).message(), StandardCharsets.UTF_8))
                .contains("Reported-by: Bot <bot@example.net>\r\n");
    }

    @Test
    void logProcessorRejectsABadSidecarWithItsName() throws Exception {
        PipelineLogProcessor processor = new PipelineLogProcessor(new Culprit(CulpritConfig.defaults(), GoldenTest.CLOCK).pipeline());
        byte[] log = Files.readAllBytes(GoldenTest.DIR.resolve("cause-culprit-2025-full-current-format.log"));
        assertThat(processor.prepare("4711.log", log, null).messageId()).isEqualTo("<culprit.8aea6061bf7004b21baac457@localhost>");
        assertThatThrownBy(() -> processor.prepare("4711.log", log, "{\"message-id\": \"nope\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(LogRejectedException.class)
                .hasMessageStartingWith("4711.log.json: message-id: not a Message-ID like <id@host>: \"nope\"");
    }

    @Test
    void aCommitTheStoreSaysWasBlamedForOtherCrashesRaisesBlamedBefore() throws Exception {
        List<String> asked = new java.util.ArrayList<>();
        // blamed-before weighs 0 by default but is stated as context
        CulpritConfig weighted = CulpritConfig.defaults();
        Pipeline p = new Culprit(weighted, GoldenTest.CLOCK).pipeline().withEarlierBlames((culprit, crash) -> {
            asked.add(culprit + " " + crash);
            return 2;
        });
        PreparedMail m = p.prepare("a.log", parsed(), null);
        assertThat(asked).containsExactly("7a819b1f87a1047e9632f6cc41488334f2189820 possible deadlock in hfsplus_file_extend");
        assertThat(m.assessment().signals()).extracting(dev.culprit.model.Signal::id).contains("blamed-before");
        assertThat(new Culprit(weighted, GoldenTest.CLOCK).pipeline().prepare("a.log", parsed(), null)
                .assessment().signals()).extracting(dev.culprit.model.Signal::id).doesNotContain("blamed-before");
    }

    @Test
    void aStoreThatCannotCountBlamesRejectsTheLogWithItsName() throws Exception {
        PipelineLogProcessor processor = new PipelineLogProcessor(new Culprit(CulpritConfig.defaults(), GoldenTest.CLOCK).pipeline());
        var failing = processor.knowingBlames((culprit, crash) -> {
            throw new IllegalStateException("cannot count the results that blamed " + culprit + ": closed");
        });
        byte[] log = Files.readAllBytes(GoldenTest.DIR.resolve("cause-culprit-2025-full-current-format.log"));
        assertThatThrownBy(() -> failing.prepare("4711.log", log, null)).isInstanceOf(LogRejectedException.class)
                .hasMessageStartingWith("4711.log: cannot count the results that blamed ");
    }
}

package dev.culprit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.recipients.OptOuts;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipients, render, message and assess sections, and the documented example config. */
class ReportConfigTest {
    private final ConfigLoader loader = new ConfigLoader();

    private CulpritConfig read(String yaml) throws ConfigException {
        return loader.read(new StringReader(yaml), "culprit.yaml");
    }

    @Test
    void readsReportSections() throws Exception {
        CulpritConfig c = read("""
                recipients:
                  always-cc: [archive@example.org]
                  cap: 10
                  redirect-to: staging@example.org
                render:
                  excerpt-lines: 30
                message:
                  from: "Bisection Bot <bot@culprit.example.org>"
                  reported-by: "syzbot@example.org"
                assess:
                  mail-threshold: 0.5
                """);
        assertThat(c.recipients().alwaysCc()).containsExactly("archive@example.org");
        assertThat(c.recipients().cap()).isEqualTo(10);
        assertThat(c.recipients().redirectTo()).isEqualTo("staging@example.org");
        assertThat(c.render().excerptLines()).isEqualTo(30);
        assertThat(c.message().messageIdDomain()).isEqualTo("culprit.example.org");
        assertThat(c.assess().mailThreshold()).isEqualTo(0.5);
    }

    @Test
    void capBelowTwoIsNamedWithItsPath() {
        assertThatThrownBy(() -> read("recipients:\n  cap: 1\n"))
                .hasMessageStartingWith("culprit.yaml: recipients.cap: must be at least 2: 1");
    }

    @Test
    void badAlwaysToAddressIsNamedWithItsIndex() {
        assertThatThrownBy(() -> read("recipients:\n  always-to: [ok@example.org, \"<a@b>c@d\"]\n"))
                .hasMessageStartingWith("culprit.yaml: recipients.always-to[1]: not a single address of the form Name <address>");
    }

    @Test
    void badFromIsNamedWithItsPath() {
        assertThatThrownBy(() -> read("message:\n  from: \"not an address\"\n"))
                .hasMessageStartingWith("culprit.yaml: message.from: not a plain ASCII address");
    }

    @Test
    void anEncodedWordAddressIsRefusedWhereverTheConfigurationNamesOne() {
        String reason = "an RFC 2047 encoded-word (=?charset?encoding?text?=) is not allowed in an address";
        assertThatThrownBy(() -> read("recipients:\n  always-cc: [ok@example.org, \"=?UTF-8?Q?=0A?=@example.org\"]\n"))
                .hasMessageStartingWith("culprit.yaml: recipients.always-cc[1]: " + reason);
        assertThatThrownBy(() -> read("recipients:\n  redirect-to: \"=?UTF-8?Q?=0A?=@example.org\"\n"))
                .hasMessageStartingWith("culprit.yaml: recipients.redirect-to: " + reason);
        assertThatThrownBy(() -> read("message:\n  from: \"culprit <=?UTF-8?Q?=0A?=@example.org>\"\n"))
                .hasMessageStartingWith("culprit.yaml: message.from: " + reason);
        assertThatThrownBy(() -> read("message:\n  from: \"=?UTF-8?Q?culprit?= <bot@example.org>\"\n"))
                .hasMessageStartingWith("culprit.yaml: message.from: display name: " + reason);
    }

    @Test
    void unknownRenderKeyIsRejected() {
        assertThatThrownBy(() -> read("render:\n  template: /x\n"))
                .hasMessageStartingWith("culprit.yaml: render.template: unknown key; known keys here: excerpt-chars, excerpt-lines, templates");
    }

    @Test
    void documentedExampleConfigLoads() throws Exception {
        CulpritConfig c = loader.load(Path.of("config/culprit.yaml"));
        assertThat(c.recipients().cap()).isEqualTo(20);
    }

    @Test
    void optOutFileIsReadForEveryCallAndMissingMeansNone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("opt-out");
        OptOutFile f = new OptOutFile(file);
        assertThat(f.read()).isEqualTo(OptOuts.none());
        Files.writeString(file, "a@example.org\n");
        assertThat(f.read().addresses()).containsExactly("a@example.org");
        Files.write(file, List.of("a@example.org", "@example.net", "what is this"));
        assertThatThrownBy(f::read).hasMessage(file + ":3: neither an address nor a domain: \"what is this\"");
    }
}

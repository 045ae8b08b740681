package dev.culprit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.cli.Culprit;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.SidecarReader;
import dev.culprit.model.Outcome;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Sidecar;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden files: each corpus log under {@code src/test/resources/golden} (with its sidecar when
 * there is one) is prepared with a fixed clock and compared, byte for byte, with the message in
 * the {@code .eml} beside it. After a deliberate change to the templates, regenerate with
 * {@code mvn test -Dtest=GoldenTest -Dgolden.update=true} and review the diff.
 */
class GoldenTest {
    static final Path DIR = Path.of("src/test/resources/golden");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final String CONFIG = """
            message:
              from: "culprit <culprit@culprit.example.org>"
              reply-to: "Fuzzing operators <fuzzing@example.org>"
            """;

    static CulpritConfig config() throws Exception {
        return new ConfigLoader().read(new StringReader(CONFIG), "golden.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cause-culprit-2025-full-current-format, CULPRIT",
        "cause-culprit-2020-cc-real-seed, CULPRIT",
        "cause-culprit-2021-merge-commit, CULPRIT",
        "fix-culprit-2025-revision-had-bug-checks, FIX",
        "cause-inconclusive-2021-skipped, INCONCLUSIVE",
        "cause-oldest-release-2024-picked, OLDEST_RELEASE_HAS_BUG",
        "fix-still-happens-2020-commit-msg, NOT_FIXED_ON_HEAD",
        "error-repro-testing-failure-2024, ERROR",
        "error-build-abort-2020-03-verbose, ERROR",
        "truncated-end-2025, TRUNCATED",
    })
    void previewMatchesGoldenMessage(String name, Outcome outcome) throws Exception {
        Path log = DIR.resolve(name + ".log");
        Sidecar sidecar = new SidecarReader().readBeside(log).orElse(null);
        PreparedMail mail;
        try (Reader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            mail = new Culprit(config(), CLOCK).pipeline().prepare(log.getFileName().toString(), r, sidecar);
        }
        assertThat(mail.report().outcome()).isEqualTo(outcome);
        String actual = new String(mail.message(), StandardCharsets.UTF_8);
        Path golden = DIR.resolve(name + ".eml");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}

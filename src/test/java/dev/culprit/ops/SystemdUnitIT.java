package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config/culprit.service as systemd reads it: {@code systemd-analyze verify} is clean and
 * {@code systemd-analyze security --offline=true} scores an exposure of at most 1.5. Skipped
 * where systemd-analyze is not installed (.ci/run installs it).
 */
class SystemdUnitIT {
    private static final Path ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Path UNIT = Path.of("config/culprit.service");
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for culprit\\.service: (\\d+\\.\\d+)");

    @TempDir
    Path dir;

    @BeforeEach
    void needsSystemdAnalyze() {
        assumeTrue(Files.isExecutable(ANALYZE), "systemd-analyze is not installed: unit file checks skipped");
    }

    @Test
    void exposureIsAtMostOnePointFive() throws IOException {
        ChildProcess p = ChildProcess.run(List.of(ANALYZE.toString(), "security", "--offline=true", "--no-pager",
                UNIT.toAbsolutePath().toString()), dir, env -> env.put("SYSTEMD_COLORS", "0"), 120);
        Matcher m = EXPOSURE.matcher(p.stdout());
        assertThat(m.find()).as("exposure line in:\n" + p.stdout() + p.stderr()).isTrue();
        BigDecimal exposure = new BigDecimal(m.group(1));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/systemd-security.txt"), p.stdout());
        assertThat(exposure).as("exposure of culprit.service").isLessThanOrEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void verifyIsCleanWithTheLauncherFromTheArchive() throws IOException {
        // verify checks that ExecStart= names an executable: point it at the unpacked launcher
        // instead of /opt/culprit, and change nothing else.
        Path home = Distribution.unpack(dir);
        Path launcher = home.resolve("bin/culprit");
        String unit = Files.readString(UNIT);
        assertThat(unit).contains("ExecStart=/opt/culprit/bin/culprit ");
        Path units = Files.createDirectories(dir.resolve("units"));
        Path copy = units.resolve("culprit.service");
        Files.writeString(copy, unit.replace("ExecStart=/opt/culprit/bin/culprit ", "ExecStart=" + launcher + " "));

        ChildProcess p = ChildProcess.run(List.of(ANALYZE.toString(), "verify", "--no-pager", copy.toString()), dir,
                env -> env.put("SYSTEMD_COLORS", "0"), 120);

        assertThat(p.stdout() + p.stderr()).as("systemd-analyze verify output").isEmpty();
        assertThat(p.exitCode()).isZero();
    }
}

package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The archive built by {@code mvn package}, unpacked into a directory. */
final class Distribution {
    static String version() {
        String v = System.getProperty("culprit.version");
        assertThat(v).as("system property culprit.version (set by the failsafe configuration)").isNotBlank();
        return v;
    }

    static Path archive() {
        String a = System.getProperty("culprit.dist.archive");
        assertThat(a).as("system property culprit.dist.archive (set by the failsafe configuration)").isNotBlank();
        Path archive = Path.of(a);
        assertThat(archive).as("the distribution archive; run mvn verify, which packages first").exists();
        return archive;
    }

    /** Unpacks the archive with tar, as an operator would; returns {@code culprit-<version>/}. */
    static Path unpack(Path into) {
        ChildProcess tar = ChildProcess.run(List.of("tar", "-xzf", archive().toString(), "-C", into.toString()), into, env -> {}, 120);
        assertThat(tar.exitCode()).as("tar: " + tar.stderr()).isZero();
        Path home = into.resolve("culprit-" + version());
        assertThat(Files.isDirectory(home)).as(home + " in the archive").isTrue();
        return home;
    }

    private Distribution() {}
}
